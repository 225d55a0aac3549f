// What the site shows at an instant. Essays become public at 00:00 UTC on their date, so the
// visible set only changes at known instants; between two of them everything list-shaped is
// fixed. An Epoch is that fixed state, made once and reused by every request until the next essay
// goes live: the visible essays, their tags and series, the paths that exist, and the answers
// already made, by path.

import type { Essay, Manifest } from "../manifest.ts";
import { aliasRedirects, listsOf, sitePaths } from "../urls.ts";
import type { Answer } from "./answer.ts";

export interface Epoch {
  /** Newest first. */
  readonly essays: readonly Essay[];
  readonly essayBySlug: ReadonlyMap<string, Essay>;
  /** Tag -> its visible essays (newest first), tags in alphabetical order. */
  readonly tags: ReadonlyMap<string, readonly Essay[]>;
  /** Series -> its visible parts in reading order (oldest first), newest series first. */
  readonly series: ReadonlyMap<string, readonly Essay[]>;
  /** Old path -> the canonical path of a visible essay it redirects to. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Every canonical path that answers 200 in this epoch. */
  readonly paths: ReadonlySet<string>;
  /** The newest `modified` among visible essays, or null when there are none. */
  readonly lastModified: string | null;
  /** When the next scheduled essay goes live (ms since 1970), or null. */
  readonly nextChange: number | null;
  /** The answers made in this epoch, by path. */
  readonly answers: Map<string, Promise<Answer>>;
}

/** What a page is made from: the manifest, the epoch in force, and the request's instant (ms). */
export interface View {
  readonly manifest: Manifest;
  readonly epoch: Epoch;
  readonly now: number;
}

/** What the app's middleware hands every route: the view of the site at the request's instant. */
export interface AppEnv {
  readonly Variables: { readonly view: View };
}

const firstDate = (parts: readonly Essay[]): string => parts[0]?.date ?? "";

const makeEpoch = (manifest: Manifest, first: number): Epoch => {
  const essays = manifest.essays.slice(first);
  const next = manifest.essays[first - 1];
  const tags = new Map([...listsOf(essays).tags].sort(([a], [b]) => (a < b ? -1 : 1)));
  const series = new Map(
    [...listsOf(essays.toReversed()).series].sort(([, a], [, b]) => (firstDate(a) < firstDate(b) ? 1 : -1)),
  );
  return {
    essays,
    essayBySlug: new Map(essays.map((essay) => [essay.slug, essay])),
    tags,
    series,
    aliases: new Map(essays.flatMap((essay) => essay.aliases.flatMap((alias) => aliasRedirects(alias, essay.slug)))),
    paths: sitePaths({
      essays: essays.map((essay) => essay.slug),
      pages: manifest.pages.map((page) => page.slug),
      tags: [...tags.keys()],
      series: [...series.keys()],
    }),
    lastModified:
      essays
        .map((essay) => essay.modified)
        .sort()
        .at(-1) ?? null,
    nextChange: next ? Date.parse(next.published) : null,
    answers: new Map(),
  };
};

/**
 * The epoch in force at an instant; each is made once. The preview shows the author everything,
 * scheduled essays included, so it has a single epoch.
 */
export const epochs = (manifest: Manifest): ((now: number) => Epoch) => {
  const made = new Map<number, Epoch>();
  const instants = manifest.essays.map((essay) => Date.parse(essay.published));
  return (now) => {
    // Newest first, so the visible essays are those from the first one already published.
    const first = manifest.mode === "preview" ? 0 : instants.findIndex((instant) => instant <= now);
    const index = first === -1 ? instants.length : first;
    let epoch = made.get(index);
    if (!epoch) {
      epoch = makeEpoch(manifest, index);
      made.set(index, epoch);
    }
    return epoch;
  };
};
