// posts/ to a Manifest: applies the filename grammar to every entry, reads each post, and checks
// what no single file can see alone (duplicate slugs, pages that would shadow a route).

import { existsSync, readdirSync } from "node:fs";
import type { BuildMode, Essay, Manifest, Page } from "../manifest.ts";
import { RESERVED_TOP_LEVEL_NAMES } from "../urls.ts";
import { checkAliases } from "./aliases.ts";
import { attachBodies, ESSAY_BODY_FIELDS, PAGE_BODY_FIELDS, type BodySource, type EssayBodies, type PageBodies } from "./body-module.ts";
import { parseFilename } from "./filename.ts";
import { fingerprintEssays, renderFingerprint, shortHash, type UnfingerprintedEssay, type UnfingerprintedPage, type WithoutBodies } from "./fingerprint.ts";
import { checkLedger, publicPaths, type LedgerEntry } from "./ledger.ts";
import { checkReferences } from "./links.ts";
import { readPost, type PostEntry, type PostResult } from "./post.ts";
import { readPostsFolder, type FolderEntry } from "./posts-folder.ts";
import type { Problem } from "./problem.ts";
import type { RenderedPost } from "./render-posts.ts";
import { siteIndex, type IndexedEssay, type IndexedPage } from "./site-index.ts";

export interface CollectOptions {
  /** The project root, whose Worker code the render fingerprint covers. */
  readonly root: string;
  /** The folder of posts, absolute or relative to the working directory. */
  readonly postsDir: string;
  /** How files are named in messages: the posts folder as the author sees it, e.g. "posts". */
  readonly displayDir: string;
  readonly mode: BuildMode;
  /** The static assets folder: the names it takes, the images posts show, the files they link. */
  readonly publicDir: string;
  /** The fingerprinted stylesheet URL the layout links to. */
  readonly stylesheet: string;
  /** The headers every response carries (see security-headers.ts). */
  readonly securityHeaders: readonly (readonly [string, string])[];
  /**
   * Today (YYYY-MM-DD, UTC). The build's only use of the clock: whether a link points at an essay
   * that is still scheduled. It decides whether the build passes, never what it writes.
   */
  readonly today: string;
  /** The posts folder as the build read it (see posts-folder.ts); read here when absent. */
  readonly folder?: readonly FolderEntry[];
  /**
   * Posts already rendered (see render-posts.ts), by file name, their bodies in body modules; the
   * rest are rendered here, their bodies kept in memory.
   */
  readonly rendered?: ReadonlyMap<string, RenderedPost>;
  /** The published-URL ledger's entries, and how to name its file in messages. */
  readonly ledger: { readonly entries: readonly LedgerEntry[]; readonly displayFile: string };
}

/** A manifest entry whose bodies are still where rendering left them. */
export type Planned<T> = WithoutBodies<T> & { readonly body: BodySource };

/** The manifest as the manifest module is written from: every entry with its bodies' source. */
export interface ManifestPlan extends Omit<Manifest, "essays" | "pages"> {
  readonly essays: readonly Planned<Essay>[];
  readonly pages: readonly Planned<Page>[];
}

export type Collected =
  | {
      readonly ok: true;
      /**
       * The manifest as the Worker sees it, made when first asked for (the CLI never asks); each
       * entry reads its bodies when first asked for them.
       */
      readonly manifest: Manifest;
      readonly plan: ManifestPlan;
      /** Every path that answers 200 in production today: what the ledger must hold. */
      readonly publicPaths: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const byFileAndLine = (a: Problem, b: Problem): number => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1);

const byNewest = (a: UnfingerprintedEssay, b: UnfingerprintedEssay): number => (a.date === b.date ? (a.slug < b.slug ? -1 : 1) : a.date < b.date ? 1 : -1);

export const collectPosts = ({ root, postsDir, displayDir, mode, publicDir, stylesheet, securityHeaders, today, ledger, folder, rendered }: CollectOptions): Collected => {
  const problems: Problem[] = [];
  const essays: (IndexedEssay & { readonly body: BodySource })[] = [];
  const pages: (IndexedPage & { readonly body: BodySource })[] = [];

  for (const entry of folder ?? readPostsFolder(postsDir)) {
    const file = `${displayDir}/${entry.name}`;
    if (entry.bytes === null) {
      problems.push({ file, message: "is not a file: posts/ holds only YYYY-MM-DD-slug.md essays and slug.md pages, with no folders" });
      continue;
    }
    const name = parseFilename(entry.name);
    if (name.kind === "invalid") {
      problems.push({ file, message: name.reason });
      continue;
    }
    const result = rendered?.get(entry.name) ?? inMemory(readPost(file, entry.bytes, name));
    if (!result.ok) {
      problems.push(...result.problems);
    } else if (result.entry.kind === "essay") {
      essays.push({ ...result.entry, body: result.body });
    } else {
      pages.push({ ...result.entry, body: result.body });
    }
  }

  const assetNames = new Set(existsSync(publicDir) ? readdirSync(publicDir) : []);
  problems.push(...duplicateSlugs(essays.map((e) => e.essay)), ...duplicateIds(essays), ...shadowedPages(pages.map((p) => p.page), assetNames));
  if (problems.length > 0) return { ok: false, problems };

  // Drafts take part in these checks in every mode, so a link to one fails the same way everywhere.
  const index = siteIndex(essays, pages);
  const aliases = checkAliases(essays, index, publicDir);
  const sources = [
    ...essays.map(({ essay, facts }) => ({ facts, date: essay.date, draft: essay.draft })),
    ...pages.map(({ page, facts }) => ({ facts, date: null, draft: page.draft })),
  ];
  problems.push(
    ...aliases.problems,
    ...checkReferences(sources, { index, today, aliases: aliases.redirects, publicDir }),
    ...checkLedger(ledger.entries, { index, redirects: aliases.redirects, today, displayFile: ledger.displayFile }),
  );
  if (problems.length > 0) return { ok: false, problems: problems.sort(byFileAndLine) };

  const published = <T extends { draft: boolean }>(list: T[]): T[] => (mode === "production" ? list.filter((p) => !p.draft) : list);
  const finalPages = published(pages.map(({ page, body }) => ({ ...page, body }))).sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const plan: ManifestPlan = {
    mode,
    renderFingerprint: renderFingerprint(root, mode, stylesheet),
    pagesFingerprint: shortHash(...finalPages.map((page) => page.fingerprint)),
    stylesheet,
    securityHeaders,
    essays: fingerprintEssays(published(essays.map(({ essay, body }) => ({ ...essay, body }))).sort(byNewest)),
    pages: finalPages,
  };
  let manifest: Manifest | undefined;
  return {
    ok: true,
    publicPaths: publicPaths(index, today),
    plan,
    get manifest(): Manifest {
      return (manifest ??= {
        ...plan,
        essays: plan.essays.map((essay) => attachBodies<Essay, EssayBodies>(essay, ESSAY_BODY_FIELDS)),
        pages: plan.pages.map((page) => attachBodies<Page, PageBodies>(page, PAGE_BODY_FIELDS)),
      });
    },
  };
};

/** A post read and rendered here: its bodies stay in memory, and no body module is written. */
const inMemory = (result: PostResult): RenderedPost =>
  result.ok ? { ok: true, entry: result.entry satisfies PostEntry, body: { key: null, file: result.entry.facts.file, json: () => result.bodies } } : result;

const duplicateSlugs = (essays: readonly UnfingerprintedEssay[]): Problem[] => {
  const firstBySlug = new Map<string, UnfingerprintedEssay>();
  const problems: Problem[] = [];
  for (const essay of essays) {
    const first = firstBySlug.get(essay.slug);
    if (first) {
      problems.push({
        file: essay.source,
        message: `has the slug "${essay.slug}" that ${first.source} already uses: both would be /writing/${essay.slug}; rename one`,
      });
    } else {
      firstBySlug.set(essay.slug, essay);
    }
  }
  return problems;
};

/**
 * Feed readers tell entries apart by id alone: two essays with one id would become one entry.
 * (Two essays with one slug also share their default id; duplicateSlugs reports that once.)
 */
const duplicateIds = (essays: readonly IndexedEssay[]): Problem[] => {
  const firstById = new Map<string, string>();
  const slugs = new Set<string>();
  return essays.flatMap(({ essay, facts }): Problem[] => {
    if (slugs.has(essay.slug)) return [];
    slugs.add(essay.slug);
    const first = firstById.get(essay.id);
    if (first === undefined) {
      firstById.set(essay.id, facts.file);
      return [];
    }
    return [{ file: facts.file, line: facts.lines.id, message: `has the feed id ${essay.id}, which ${first} already has: feed readers would take them for one essay; give this one its own \`id\`` }];
  });
};

const shadowedPages = (pages: readonly UnfingerprintedPage[], assetNames: ReadonlySet<string>): Problem[] =>
  pages.flatMap((page): Problem[] => {
    if (RESERVED_TOP_LEVEL_NAMES.has(page.slug)) {
      return [{ file: page.source, message: `the page slug "${page.slug}" is a route the site owns (/${page.slug}/); rename the file` }];
    }
    if (assetNames.has(page.slug)) {
      return [{ file: page.source, message: `the page slug "${page.slug}" is taken by public/${page.slug}, which would be served instead; rename one` }];
    }
    return [];
  });
