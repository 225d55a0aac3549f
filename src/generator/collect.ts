// posts/ to a Manifest: the filename grammar, each post read, and what no single file can see alone
// (duplicate slugs and ids, pages that shadow a route, links, aliases, the ledger). Writes nothing.

import { existsSync, readdirSync } from "node:fs";
import { type Body, type BuildMode, bodyPath, type Essay, type Manifest, type Page } from "../manifest.ts";
import { searchPath } from "../search.ts";
import { RESERVED_TOP_LEVEL_NAMES } from "../urls.ts";
import { parseFilename } from "./filename.ts";
import { type CardDesign, type CardValues, cardPath, cardValues } from "./cards/values.ts";
import { type ImageSizes, imageSizes } from "./images.ts";
import { CARDS_DIR, type FolderEntry } from "./inputs.ts";
import { checkLedger, type LedgerEntry, publicPaths } from "./ledger.ts";
import { checkReferences } from "./links.ts";
import { type EssayEntry, type EssayPost, type NamedPost, type Post, type PostResult, readPost } from "./post.ts";
import { type Problem, problemAt } from "./problem.ts";
import { relatedEssays } from "./related.ts";
import { type BuiltIndex, searchIndex } from "./search-index.ts";
import { aliasesOf, siteIndex, type Unrendered } from "./site-index.ts";

export interface CollectOptions {
  /** The posts folder as read once (inputs.ts), and its name in messages as the author sees it, e.g. "posts". */
  readonly folder: readonly FolderEntry[];
  readonly displayDir: string;
  readonly mode: BuildMode;
  /** The static assets folder: the names it takes, the images posts show, the files they link. */
  readonly publicDir: string;
  readonly stylesheet: string;
  /** Today (YYYY-MM-DD, UTC): which essays are scheduled, for the checks only; never in what is written. */
  readonly today: string;
  /** The published-URL ledger's entries, and how to name its file in messages. */
  readonly ledger: { readonly entries: readonly LedgerEntry[]; readonly displayFile: string };
  /** How a post is rendered: through the build's render cache, or afresh. */
  readonly render?: (file: string, bytes: Uint8Array, name: NamedPost, sizes: ImageSizes) => PostResult;
  /** The social cards' design, when the build makes cards (production only); without it, no essay has one. */
  readonly cards?: CardDesign;
}

/**
 * The manifest, the text of each body it names by path, and every path that answers 200 in production
 * today (what the ledger must hold); or the problems.
 */
export type Collected =
  | {
      ok: true;
      manifest: Manifest;
      bodies: ReadonlyMap<string, string>;
      /** The search index's files by path, made on the first call: a preview build writes them last. */
      search: () => ReadonlyMap<string, string>;
      /** What each card the manifest names shows, by path. */
      cards: ReadonlyMap<string, CardValues>;
      publicPaths: readonly string[];
    }
  | { ok: false; problems: readonly Problem[] };

const byFileAndLine = (a: Problem, b: Problem): number =>
  a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1;

const byNewest = (a: Essay, b: Essay): number =>
  a.date === b.date ? (a.slug < b.slug ? -1 : 1) : a.date < b.date ? 1 : -1;

// A slug and a feed id (feed readers tell entries apart by id alone) each belong to the first essay
// that takes them; two essays with one slug share their default id too, which one problem says.
const duplicates = (essays: readonly Post<EssayEntry>[]): Problem[] => {
  const slugs = new Map<string, string>();
  const ids = new Map<string, string>();
  return essays.flatMap(({ entry: { slug, id }, facts: { file, lines } }): Problem[] => {
    const sameSlug = slugs.get(slug);
    const twice = `has the slug "${slug}" that ${sameSlug} already uses: both would be /writing/${slug}; rename one`;
    if (sameSlug) return [{ file, message: twice }];
    slugs.set(slug, file);
    const sameId = ids.get(id);
    if (sameId === undefined) ids.set(id, file);
    const message = `has the feed id ${id}, which ${sameId} already has: feed readers would take them for one essay; give this one its own \`id\``;
    return sameId ? [problemAt(file, lines.id, message)] : [];
  });
};

const shadowedPages = (pages: readonly Post<Page>[], publicDir: string): Problem[] => {
  // The cards' folder is taken whether or not a production build has made it yet.
  const assetNames = new Set([CARDS_DIR, ...(existsSync(publicDir) ? readdirSync(publicDir) : [])]);
  return pages.flatMap(({ entry: { slug }, facts: { file } }): Problem[] => {
    if (RESERVED_TOP_LEVEL_NAMES.has(slug)) {
      return [{ file, message: `the page slug "${slug}" is a route the site owns (/${slug}/); rename the file` }];
    }
    const message = `the page slug "${slug}" is taken by public/${slug}, which would be served instead; rename one`;
    return assetNames.has(slug) ? [{ file, message }] : [];
  });
};

export const collectPosts = (options: CollectOptions): Collected => {
  const { folder, displayDir, mode, publicDir, stylesheet, today, ledger, render = readPost, cards: design } = options;
  const problems: Problem[] = [];
  const essays: EssayPost[] = [];
  const pages: Post<Page>[] = [];
  const unrendered: Unrendered[] = [];
  const sizes = imageSizes(publicDir);
  for (const { name, bytes } of folder) {
    const file = `${displayDir}/${name}`;
    const parsed = parseFilename(name);
    const notAFile = "is not a file: posts/ holds only YYYY-MM-DD-slug.md essays and slug.md pages, with no folders";
    if (bytes === null) {
      problems.push({ file, message: notAFile });
    } else if (parsed.kind === "invalid") {
      problems.push({ file, message: parsed.reason });
    } else {
      const result = render(file, bytes, parsed, sizes);
      if (!result.ok) {
        problems.push(...result.problems);
        unrendered.push({ file, name: parsed });
      } else if (result.kind === "essay") essays.push(result);
      else pages.push(result);
    }
  }
  // Every check that can run does, so that one run reports every problem. Drafts take part in every
  // mode, so a link to one fails the same way everywhere. The ledger waits for every post to render:
  // the aliases of one that did not are unknown.
  const index = siteIndex(essays, pages, unrendered);
  const aliases = aliasesOf(essays, index, publicDir);
  const context = { index, today, redirects: aliases.redirects, publicDir, sizes };
  problems.push(
    ...duplicates(essays),
    ...shadowedPages(pages, publicDir),
    ...aliases.problems,
    ...checkReferences([...essays, ...pages], context),
    ...(unrendered.length > 0 ? [] : checkLedger(ledger.entries, { ...context, displayFile: ledger.displayFile })),
  );
  if (problems.length > 0) return { ok: false, problems: problems.sort(byFileAndLine) };

  const shown = <T extends Post>(posts: readonly T[]): T[] =>
    posts.filter(({ entry }) => mode === "preview" || !entry.draft);
  const bodies = new Map<string, string>();
  const cards = new Map<string, CardValues>();
  const cardOf = (entry: EssayEntry): string | null => {
    const values = cardValues(entry);
    const card = design === undefined ? null : cardPath(entry.slug, values, design);
    if (card !== null) cards.set(card, values);
    return card;
  };
  const listed = shown(essays)
    .map(({ entry, body }): Essay => {
      const path = bodyPath(mode, entry.slug, body.hash);
      bodies.set(path, body.text);
      return { ...entry, related: [], card: cardOf(entry), body: path };
    })
    .sort(byNewest);
  const related = relatedEssays(listed);
  const bodyOf = (essay: Essay): Body => JSON.parse(bodies.get(essay.body) ?? "") as Body;
  let built: BuiltIndex | undefined;
  const search = () => (built ??= searchIndex(mode, listed, bodyOf));
  const manifest: Manifest = {
    mode,
    stylesheet,
    essays: listed.map((essay, index) => ({ ...essay, related: related[index] ?? [] })),
    pages: shown(pages)
      .map(({ entry }) => entry)
      .sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    // Production's index is named by its hash, so the manifest waits for it; the preview's name never changes.
    search: mode === "production" ? search().table : searchPath(mode, "", "index"),
  };
  return { ok: true, manifest, bodies, search: () => search().files, cards, publicPaths: publicPaths(index, today) };
};
