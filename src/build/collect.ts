// posts/ to a Manifest: applies the filename grammar to every entry, reads each post, and checks
// what no single file can see alone (duplicate slugs, pages that would shadow a route).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildMode, Manifest } from "../manifest.ts";
import { RESERVED_TOP_LEVEL_NAMES } from "../urls.ts";
import { parseFilename } from "./filename.ts";
import { fingerprintEssays, fingerprintPage, renderFingerprint, type UnfingerprintedEssay, type UnfingerprintedPage } from "./fingerprint.ts";
import { readPost } from "./post.ts";
import type { Problem } from "./problem.ts";

export interface CollectOptions {
  /** The project root, whose Worker code the render fingerprint covers. */
  readonly root: string;
  /** The folder of posts, absolute or relative to the working directory. */
  readonly postsDir: string;
  /** How files are named in messages: the posts folder as the author sees it, e.g. "posts". */
  readonly displayDir: string;
  readonly mode: BuildMode;
  /** Top-level names the static assets take; a page with one of these names would be shadowed. */
  readonly assetNames: ReadonlySet<string>;
  /** The fingerprinted stylesheet URL the layout links to. */
  readonly stylesheet: string;
}

export type Collected = { readonly ok: true; readonly manifest: Manifest } | { readonly ok: false; readonly problems: readonly Problem[] };

const byNewest = (a: UnfingerprintedEssay, b: UnfingerprintedEssay): number => (a.date === b.date ? (a.slug < b.slug ? -1 : 1) : a.date < b.date ? 1 : -1);

export const collectPosts = ({ root, postsDir, displayDir, mode, assetNames, stylesheet }: CollectOptions): Collected => {
  const problems: Problem[] = [];
  const essays: UnfingerprintedEssay[] = [];
  const pages: UnfingerprintedPage[] = [];

  const entries = readdirSync(postsDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const file = `${displayDir}/${entry.name}`;
    if (!entry.isFile()) {
      problems.push({ file, message: "is not a file: posts/ holds only YYYY-MM-DD-slug.md essays and slug.md pages, with no folders" });
      continue;
    }
    const name = parseFilename(entry.name);
    if (name.kind === "invalid") {
      problems.push({ file, message: name.reason });
      continue;
    }
    const result = readPost(file, readFileSync(join(postsDir, entry.name)), name);
    if (!result.ok) {
      problems.push(...result.problems);
    } else if (result.entry.kind === "essay") {
      essays.push(result.entry.essay);
    } else {
      pages.push(result.entry.page);
    }
  }

  problems.push(...duplicateSlugs(essays), ...shadowedPages(pages, assetNames));
  if (problems.length > 0) return { ok: false, problems };

  const published = <T extends { draft: boolean }>(list: T[]): T[] => (mode === "production" ? list.filter((p) => !p.draft) : list);
  return {
    ok: true,
    manifest: {
      mode,
      renderFingerprint: renderFingerprint(root, mode, stylesheet),
      stylesheet,
      essays: fingerprintEssays(published(essays).sort(byNewest)),
      pages: published(pages)
        .sort((a, b) => (a.slug < b.slug ? -1 : 1))
        .map(fingerprintPage),
    },
  };
};

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
