// GET /search: the query read (query.ts), the index searched (engine.ts), the page made (pages/search.ts).
// Its answer is made afresh for each request, never kept (queries are endless): an ETag of its bytes,
// a short Cache-Control, and never indexed by search engines.

import type { Context } from "hono";
import type { Essay, Manifest } from "../../manifest.ts";
import { foldedWords, isSearchable, type SearchShard, type SearchTable } from "../../search.ts";
import { cacheControl } from "../../site.ts";
import { answerOf, KINDS, reply } from "../answer.ts";
import { type Assets, AssetUnavailable, readAsset } from "../bodies.ts";
import type { AppEnv, View } from "../epoch.ts";
import { boundedMemo } from "../memo.ts";
import { type Outcome, type Result, searchPage } from "../pages/search.ts";
import { search } from "./engine.ts";
import { MAX_QUERY_WORDS, PAGE_SIZE, parseQuery, type SearchQuery } from "./query.ts";
import { snippet } from "./snippet.ts";

/** Bytes of the index's JSON an isolate keeps (parsed, it takes a few times more); past this, the first read goes first. */
const KEPT_INDEX_BYTES = 16 * 1024 * 1024;
/** Characters of essays' text an isolate keeps for snippets (UTF-16: twice as many bytes). */
const KEPT_TEXT = 4 * 1024 * 1024;

const NOINDEX = { "X-Robots-Tag": "noindex" };

/** What the preview reads for an index file the build has not written yet. */
const EMPTY_TABLE: SearchTable = { documents: 0, shards: {} };
const EMPTY_SHARD: SearchShard = { words: [], postings: [] };

/**
 * How the index's files and the essays' texts are read. Production's never change under a name, so each
 * is read once per isolate, while the bounds allow. The preview's change in place and are read afresh;
 * one the build has not written yet (it writes the preview's index last; and wrangler's assets see a new
 * file only after a reload) counts as empty until it is there.
 */
const readers = (manifest: Manifest) => {
  const files = boundedMemo<{ readonly value: unknown; readonly bytes: number }>(
    KEPT_INDEX_BYTES,
    ({ bytes }) => bytes,
  );
  const texts = boundedMemo<string>(KEPT_TEXT, (text) => text.length);
  const production = manifest.mode === "production";
  return (view: View, assets: Assets, base: string) => ({
    file: async (path: string): Promise<unknown> => {
      if (production) return (await files.through(path, () => readAsset(assets, path, base))).value;
      try {
        return (await readAsset(assets, path, base)).value;
      } catch (error) {
        if (!(error instanceof AssetUnavailable)) throw error;
        return path === manifest.search ? EMPTY_TABLE : EMPTY_SHARD;
      }
    },
    text: (essay: Essay): Promise<string> => {
      const read = async () => (await view.body(essay)).text;
      return production ? texts.through(essay.body, read) : read();
    },
  });
};

/** The essays the query finds that are public now, best first (newest first when only a tag is asked for). */
const ranked = async (
  view: View,
  query: SearchQuery,
  words: readonly string[],
  read: (path: string) => Promise<unknown>,
) => {
  const { manifest, epoch } = view;
  const tagged = (essay: Essay) => query.tag === null || essay.tags.includes(query.tag);
  if (words.length === 0) {
    const essays = query.tag === null || query.text !== "" ? [] : (epoch.tags.get(query.tag) ?? []);
    return { essays, matched: new Set<string>() };
  }
  const { scores, matched } = await search(manifest.search, words, read);
  const essays = [...scores]
    .sort(([a, x], [b, y]) => y - x || a - b)
    .map(([position]) => manifest.essays[position])
    .filter(
      (essay): essay is Essay => essay !== undefined && epoch.essayBySlug.get(essay.slug) === essay && tagged(essay),
    );
  return { essays, matched };
};

export const searchRoute = (manifest: Manifest, assetsOf: (c: Context<AppEnv>) => Assets) => {
  const readersOf = readers(manifest);
  return async (c: Context<AppEnv>): Promise<Response> => {
    const { view } = c.var;
    const parsed = parseQuery(new URL(c.req.url));
    if (!parsed.ok) {
      const page = searchPage(view, { kind: "problem", message: parsed.problem });
      const [contentType, policy] = KINDS.search;
      return c.body(page, 400, { "Content-Type": contentType, "Cache-Control": cacheControl(policy), ...NOINDEX });
    }
    const { query } = parsed;
    const all = [...new Set(foldedWords(query.text).filter(isSearchable))];
    const words = all.slice(0, MAX_QUERY_WORDS);
    const read = readersOf(view, assetsOf(c), c.req.url);
    const { essays, matched } = await ranked(view, query, words, read.file);
    const shown = essays.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE);
    const results = await Promise.all(
      shown.map(
        async (essay): Promise<Result> => ({
          essay,
          snippet: words.length === 0 ? null : snippet(await read.text(essay), matched),
        }),
      ),
    );
    const outcome: Outcome = {
      kind: "results",
      query,
      words: words.length,
      dropped: all.length - words.length,
      total: essays.length,
      results,
      matched,
    };
    const made = await answerOf({ kind: "search", lastModified: null, render: () => searchPage(view, outcome) });
    return reply(c, made, NOINDEX);
  };
};
