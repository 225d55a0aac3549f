// Related essays, decided at build time: those sharing the most tags with an essay, then the nearest in date.
// The Worker shows the first SITE.relatedEssays of them that are public at the request's instant, so the list
// keeps every essay that could be among those at some instant, and no more.

import type { Essay } from "../manifest.ts";
import { SITE } from "../site.ts";

/**
 * For each essay of `essays` (newest first, as the manifest lists them), the positions in `essays` of its
 * related ones, best first. An essay is kept unless SITE.relatedEssays better ones are public by the time both it
 * and the essay are: then it would never be shown.
 */
export const relatedEssays = (essays: readonly Essay[]): number[][] => {
  const byTag = new Map<string, number[]>();
  essays.forEach((essay, index) => {
    for (const tag of essay.tags) {
      const list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, [index]);
      else list.push(index);
    }
  });
  const days = essays.map((essay) => Date.parse(essay.published) / 86_400_000);
  // Shared-tag counts by position, reused from one essay to the next: 10,000 essays make 10 million pairs.
  const shared = new Uint16Array(essays.length);
  return essays.map((essay, self) => {
    const candidates: number[] = [];
    for (const tag of essay.tags)
      for (const other of byTag.get(tag) ?? [])
        if (other !== self && (shared[other] = (shared[other] ?? 0) + 1) === 1) candidates.push(other);
    // More shared tags first, then nearer in date (in days, far below 2^26); a tie goes to the first found.
    const score = (index: number): number =>
      (shared[index] as number) * 2 ** 26 - Math.abs((days[index] as number) - (days[self] as number));
    const scores = candidates.map(score);
    const kept: number[] = [];
    // When both it and this essay are public, SITE.relatedEssays taken ones are public by that day at the latest.
    let taken: number[] = [];
    // Best first, one at a time, while one can still be shown: usually only a few are ever taken.
    for (;;) {
      const limit = taken[SITE.relatedEssays - 1] ?? Number.POSITIVE_INFINITY;
      let best = -1;
      for (let i = 0; i < candidates.length; i++) {
        if (Math.max(days[candidates[i] as number] as number, days[self] as number) >= limit) continue;
        if (
          (best === -1 || (scores[i] as number) > (scores[best] as number)) &&
          !kept.includes(candidates[i] as number)
        )
          best = i;
      }
      if (best === -1) break;
      const index = candidates[best] as number;
      kept.push(index);
      taken = [...taken, days[index] as number].sort((a, b) => a - b);
    }
    for (const index of candidates) shared[index] = 0;
    return kept;
  });
};
