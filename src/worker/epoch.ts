// What the site shows at an instant. Essays go live at 00:00 UTC on their date, so between two such
// instants all that is list-shaped is fixed: an Epoch, made once and reused until the next essay goes live.

import type { Body, Essay, Manifest } from "../manifest.ts";
import { aliasRedirects, listsOf, sitePaths } from "../urls.ts";
import { answerMemo } from "./answer.ts";

export type Epoch = ReturnType<typeof makeEpoch>;

/** What a page is made from: the manifest, the epoch in force, the request's instant (ms), and a way to an essay's body. */
export type View = {
  readonly manifest: Manifest;
  readonly epoch: Epoch;
  readonly now: number;
  readonly body: (essay: Essay) => Promise<Body>;
};

/** What the app's middleware hands every route: the view of the site at the request's instant. */
export type AppEnv = { readonly Bindings: Env; readonly Variables: { readonly view: View } };

/** The newest `modified` among some essays (RFC 3339 instants in UTC sort as text), or null. */
const newer = (newest: string | null, { modified }: Essay): string =>
  newest !== null && newest > modified ? newest : modified;
export const newestModified = (essays: readonly Essay[]): string | null => essays.reduce<string | null>(newer, null);

const firstDate = (parts: readonly Essay[]): string => parts[0]?.date ?? "";

/** The epoch in which the essays from index `first` on (newest first) are public. */
const makeEpoch = (manifest: Manifest, first: number, memoBytes: number) => {
  // The preview shows every essay, but its epochs turn as production's do: a Scheduled banner goes.
  const essays = manifest.mode === "preview" ? manifest.essays : manifest.essays.slice(first);
  const next = manifest.essays[first - 1];
  // Tags in alphabetical order, each with its essays newest first; series newest first, each in reading order.
  const tags: ReadonlyMap<string, readonly Essay[]> = new Map(
    [...listsOf(essays).tags].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const series: ReadonlyMap<string, readonly Essay[]> = new Map(
    [...listsOf(essays.toReversed()).series].sort(([, a], [, b]) => (firstDate(a) < firstDate(b) ? 1 : -1)),
  );
  const pages = manifest.pages.map((page) => page.slug);
  return {
    essays,
    essayBySlug: new Map(essays.map((essay) => [essay.slug, essay])),
    tags,
    series,
    /** Old path -> the canonical path of a visible essay it redirects to. */
    aliases: new Map(essays.flatMap((essay) => essay.aliases.flatMap((alias) => aliasRedirects(alias, essay.slug)))),
    /** Every canonical path that answers 200 in this epoch. */
    paths: sitePaths({
      essays: essays.map((essay) => essay.slug),
      pages,
      tags: [...tags.keys()],
      series: [...series.keys()],
    }),
    /** The newest `modified` among visible essays, or null when there are none. */
    lastModified: newestModified(essays),
    /** When the next scheduled essay goes live (ms since 1970), or null. */
    nextChange: next ? Date.parse(next.published) : null,
    answers: answerMemo(memoBytes),
  };
};

/** The epoch in force at an instant, each made once. */
export const epochs = (manifest: Manifest, memoBytes: number): ((now: number) => Epoch) => {
  const made = new Map<number, Epoch>();
  const instants = manifest.essays.map((essay) => Date.parse(essay.published));
  return (now) => {
    // Newest first, so the visible essays are those from the first one already published.
    const first = instants.findIndex((instant) => instant <= now);
    const index = first === -1 ? instants.length : first;
    const epoch = made.get(index) ?? makeEpoch(manifest, index, memoBytes);
    made.set(index, epoch);
    return epoch;
  };
};
