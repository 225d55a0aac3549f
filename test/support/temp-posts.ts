// Temporary posts folders for build tests: the real posts/ is never touched.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { type BuildOptions, type BuildResult, buildManifest } from "../../src/generator/build.ts";
import { type Collected, collectPosts } from "../../src/generator/collect.ts";
import { filesUnder, isGeneratedPublicFile, readPostsFolder } from "../../src/generator/inputs.ts";
import { readLedger } from "../../src/generator/ledger.ts";
import { formatProblem } from "../../src/generator/problem.ts";
import { BODIES_DIR, type Body, type BuildMode } from "../../src/manifest.ts";
import { ROOT } from "./project-copy.ts";

/** The tests' today: later than every dated test post except those meant to be scheduled. */
export const TODAY = "2026-11-25";

export type Files = Record<string, string | Uint8Array>;

export interface TempPosts {
  readonly postsDir: string;
  /** A copy of public/ without generated files: the build writes its own there. */
  readonly publicDir: string;
  readonly outFile: string;
  /** The build's render cache, when it builds with one. */
  readonly cacheFile: string;
  /** The ledger of published URLs; absent until a test writes it. */
  readonly ledgerFile: string;
  readonly options: (mode?: BuildMode) => BuildOptions;
  /** Builds with the render cache (in the temporary folder) unless told not to. */
  readonly build: (mode?: BuildMode, options?: { readonly cache: boolean }) => Promise<BuildResult>;
  readonly collect: (mode?: BuildMode) => Collected;
  readonly write: (name: string, contents: string | Uint8Array) => void;
  /** The manifest module and every body file after it: everything of the posts a deploy would upload. */
  readonly output: () => string;
  readonly remove: () => void;
}

export const essay = (front: Record<string, string>, body = "Some words of the essay.\n"): string =>
  `---\n${Object.entries(front)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n")}\n---\n${body}`;

export const VALID_ESSAY = essay({ title: '"A title"', dek: '"A dek"', summary: '"A summary."' });

/** A posts folder holding `files`, built as if on `today` (YYYY-MM-DD). */
export const tempPosts = (files: Files, today = TODAY): TempPosts => {
  const dir = mkdtempSync(join(tmpdir(), "fmlops-posts-"));
  const postsDir = join(dir, "posts");
  const publicDir = join(dir, "public");
  const outFile = join(dir, "generated", "manifest.ts");
  const ledgerFile = join(dir, "published-urls.txt");
  const cacheFile = join(dir, "cache", "render.jsonl");
  mkdirSync(postsDir);
  cpSync(join(ROOT, "public"), publicDir, {
    recursive: true,
    filter: (source) => !isGeneratedPublicFile(basename(source)),
  });
  const write = (name: string, contents: string | Uint8Array): void => writeFileSync(join(postsDir, name), contents);
  for (const [name, contents] of Object.entries(files)) write(name, contents);
  const now = new Date(`${today}T12:00:00Z`);
  const options = (mode: BuildMode = "production"): BuildOptions => ({
    root: ROOT,
    postsDir,
    publicDir,
    outFile,
    ledgerFile,
    cacheFile,
    mode,
    now,
  });
  return {
    postsDir,
    publicDir,
    outFile,
    cacheFile,
    ledgerFile,
    options,
    build: (mode, { cache } = { cache: true }) =>
      buildManifest({ ...options(mode), cacheFile: cache ? cacheFile : null }),
    collect: (mode = "production") =>
      collectPosts({
        folder: readPostsFolder(postsDir),
        displayDir: "posts",
        mode,
        publicDir,
        stylesheet: "/style.test.css",
        today,
        ledger: { entries: readLedger(ledgerFile), displayFile: "published-urls.txt" },
      }),
    write,
    output: () =>
      [outFile, ...(existsSync(join(publicDir, BODIES_DIR)) ? filesUnder(join(publicDir, BODIES_DIR)) : [])]
        .map((file) => readFileSync(file, "utf8"))
        .join("\n"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** An essay's Body as a build or a collection made it (the first essay unless told which). */
export const bodyOf = (made: Collected | BuildResult, slug?: string): Body => {
  if ("ok" in made && !made.ok) throw new Error("expected the build to succeed, but it failed");
  const { manifest, bodies } = made as BuildResult;
  const essay = slug === undefined ? manifest.essays[0] : manifest.essays.find((e) => e.slug === slug);
  return JSON.parse(bodies.get(essay?.body ?? "") ?? "null") as Body;
};

/** The problems of a build that must fail, formatted as the CLI prints them. */
export const problemsOf = (collected: Collected): string[] => {
  if (collected.ok) throw new Error("expected the build to fail, but it succeeded");
  return collected.problems.map(formatProblem);
};
