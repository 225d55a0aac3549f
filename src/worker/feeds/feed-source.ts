// What a feed is about: the whole site or one tag, and the newest essays it carries.

import type { Essay } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { absoluteUrl, type FeedFormat, PATHS } from "../../urls.ts";
import { newestModified, type View } from "../epoch.ts";
import { feedCopy } from "./feed-copy.ts";

// A feed must carry an update time even when it is empty; a fixed one keeps its bytes stable.
const EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z";

/** An essay as a feed carries it: with its feed copy. */
export type FeedEssay = Essay & { readonly feedHtml: string };

const copyOf = async (view: View, essay: Essay): Promise<string> =>
  feedCopy((await view.body(essay)).html, absoluteUrl(PATHS.essay(essay.slug)));

// An essay's copy is made once, whichever feeds carry it (three formats, its tags); a failure is not kept.
// Not in the preview, whose bodies change under the same essay on every save.
const copies = new WeakMap<Essay, Promise<string>>();
const feedHtmlOf = (view: View, essay: Essay): Promise<string> => {
  if (view.manifest.mode === "preview") return copyOf(view, essay);
  let copy = copies.get(essay);
  if (copy === undefined) {
    copy = copyOf(view, essay);
    copies.set(essay, copy);
    copy.catch(() => copies.delete(essay));
  }
  return copy;
};

/** A feed's title, the page it mirrors, its newest essays, and their newest `modified`: it changes when they do. */
export const feedSource = async (view: View, visible: readonly Essay[], tag: string | null) => {
  const essays: FeedEssay[] = await Promise.all(
    visible.slice(0, SITE.feedLimit).map(async (essay) => ({ ...essay, feedHtml: await feedHtmlOf(view, essay) })),
  );
  return {
    title: tag === null ? SITE.name : `${SITE.name}: ${tag}`,
    description: tag === null ? SITE.description : `Essays on ${SITE.name} tagged ${tag}.`,
    homePath: tag === null ? PATHS.writing : PATHS.tag(tag),
    tag,
    essays,
    updated: newestModified(essays) ?? EMPTY_FEED_UPDATED,
  };
};

export type FeedSource = Awaited<ReturnType<typeof feedSource>>;

export const selfPath = (source: FeedSource, format: FeedFormat): string => PATHS.feed(format, source.tag);

/** How an entry's title reads in every feed: "Title: dek", as subscribers have always seen it. */
export const entryTitle = (essay: Essay): string => `${essay.title}: ${essay.dek}`;
