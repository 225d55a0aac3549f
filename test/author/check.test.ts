// `npm run check` in a throwaway copy of the project: what it catches, and what it writes.

import { appendFileSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { npm } from "../support/npm.ts";
import { copyProject, type ProjectCopy } from "../support/project-copy.ts";
import { essay } from "../support/temp-posts.ts";

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

const copy = (): string => {
  project = copyProject();
  return project.dir;
};

const NEW_ESSAY = essay({ title: '"Newly published"', dek: '"D"', summary: '"S"' }, "Body.\n");
const today = new Date().toISOString().slice(0, 10);

describe("npm run check", () => {
  it("passes on the project as it is, and reports the Worker's size against its budget", () => {
    const result = npm(copy(), ["check"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Worker upload: [\d.]+ KiB raw, [\d.]+ KiB gzip; budget 3072 KiB gzip \([\d.]+% used\)$/m,
    );
    expect(result.stdout).toMatch(/KiB raw {2}manifest \(posts\)$/m);
    expect(result.stdout).toMatch(/^check passed \([\d.]+ s\)$/m);
  });

  it("lists every problem, from posts and from the types, as file:line: message, and exits 1", () => {
    const dir = copy();
    writeFileSync(
      join(dir, "posts", `${today}-half-written.md`),
      essay({ title: '"Half"' }, "[gone](/writing/gone)\n"),
    );
    appendFileSync(join(dir, "src", "site.ts"), 'export const broken: number = "not a number";\n');
    const result = npm(dir, ["check"]);
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      "the Worker's types are checked once the build passes",
      `posts/${today}-half-written.md:1: front matter is missing \`dek\` (the one-line subtitle shown under the title)`,
      `posts/${today}-half-written.md:1: front matter is missing \`summary\` (one plain-text paragraph for the index, feeds and meta description)`,
      expect.stringMatching(/^src\/site\.ts:\d+: error TS2322: Type 'string' is not assignable to type 'number'\.$/),
      expect.stringMatching(/^check failed: 3 problems \([\d.]+ s\)$/),
      "",
    ]);
  });

  it("fails when a source file is not formatted as biome.json says, naming the file and the fix", () => {
    const dir = copy();
    appendFileSync(join(dir, "src", "site.ts"), "export const   spaced = 1 ;\n");
    const result = npm(dir, ["check"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("src/site.ts: is not formatted as biome.json says: run `npm run format`");
  });

  it("fails when the generated manifest no longer matches the Manifest type the Worker reads", () => {
    const dir = copy();
    const type = join(dir, "src", "manifest.ts");
    writeFileSync(
      type,
      readFileSync(type, "utf8").replace(
        "  readonly readingMinutes: number;",
        "  readonly readingMinutes: number;\n  readonly wordsInCode: number;",
      ),
    );
    const result = npm(dir, ["check"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^src\/generated\/manifest\.ts:\d+: error TS2741: Property 'wordsInCode' is missing/m,
    );
  });

  it("fails when the Worker is over its size budget, and warns from 80% of it", () => {
    const dir = copy();
    const over = npm(dir, ["check", "--", "--budget-gzip-kib", "10"]);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(
      /^wrangler\.toml: the Worker is [\d.]+ KiB gzip, over the budget of 10 KiB: see the largest contributors above$/m,
    );
    const gzip = Number(/gzip; budget/.test(over.stdout) ? /([\d.]+) KiB gzip; budget/.exec(over.stdout)?.[1] : NaN);
    const near = npm(dir, ["check", "--", "--budget-gzip-kib", String(Math.ceil(gzip / 0.85))]);
    expect(near.status).toBe(0);
    expect(near.stderr).toMatch(/^warning: the Worker uses 8\d% of its \d+ KiB gzip budget$/m);
  });
});

describe("the published-URL ledger", () => {
  it("gets newly public URLs appended by npm run check, oldest lines untouched", () => {
    const dir = copy();
    const before = readFileSync(join(dir, "published-urls.txt"), "utf8");
    writeFileSync(join(dir, "posts", `${today}-newly-published.md`), NEW_ESSAY);
    const result = npm(dir, ["check"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `published-urls.txt: recorded 2 newly public URLs: /writing/newly-published, /writing/newly-published.md`,
    );
    expect(readFileSync(join(dir, "published-urls.txt"), "utf8")).toBe(
      `${before}/writing/newly-published\n/writing/newly-published.md\n`,
    );
  });

  it("is never written in CI, which fails instead and names the command to run", () => {
    const dir = copy();
    const before = readFileSync(join(dir, "published-urls.txt"), "utf8");
    writeFileSync(join(dir, "posts", `${today}-newly-published.md`), NEW_ESSAY);
    const result = npm(dir, ["check"], { CI: "true" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "published-urls.txt: lacks 2 public URLs (/writing/newly-published, /writing/newly-published.md): run `npm run check` and commit published-urls.txt",
    );
    expect(readFileSync(join(dir, "published-urls.txt"), "utf8")).toBe(before);
  });

  it("fails the build when a published URL would stop resolving, and names the fix", () => {
    const dir = copy();
    const post = "posts/2026-10-27-the-hash-that-never-matched.md";
    const renamed = "posts/2026-10-27-the-hash-that-flipped.md";
    const original = readFileSync(join(dir, post), "utf8");
    renameSync(join(dir, post), join(dir, renamed));
    const result = npm(dir, ["build"]);
    expect(result.status).toBe(1);
    const lines = readFileSync(join(dir, "published-urls.txt"), "utf8").split("\n");
    const line = (path: string): number => lines.indexOf(path) + 1;
    const linking = "posts/2026-09-03-the-index-that-forgot-a-fact.md";
    expect(result.stderr.split("\n").slice(0, 3)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${linking}:\\d+: links to /writing/the-hash-that-never-matched, which does not exist on this site$`,
        ),
      ),
      ...["/writing/the-hash-that-never-matched", "/writing/the-hash-that-never-matched.md"].map(
        (path) =>
          `published-urls.txt:${line(path)}: ${path} was published and no longer resolves: add "${path}" to the \`aliases\` of the essay that replaces it (keeping that essay's old \`id\`), or restore it`,
      ),
    ]);

    // The fix the message names: an alias for the old URL (its .md twin comes with it); links to
    // the old URL then point through a redirect, and the build says where they should point.
    writeFileSync(
      join(dir, renamed),
      original.replace("---\n\n", 'aliases: ["/writing/the-hash-that-never-matched"]\n---\n\n'),
    );
    const redirected = npm(dir, ["build"]);
    expect(redirected.stderr).toMatch(
      /links to \/writing\/the-hash-that-never-matched, an old path that redirects: link to \/writing\/the-hash-that-flipped instead/,
    );
    const linkingFile = join(dir, linking);
    writeFileSync(
      linkingFile,
      readFileSync(linkingFile, "utf8").replaceAll(
        "/writing/the-hash-that-never-matched",
        "/writing/the-hash-that-flipped",
      ),
    );
    const fixed = npm(dir, ["build"]);
    expect(fixed.stderr).toBe("");
    expect(fixed.status).toBe(0);
  });
});
