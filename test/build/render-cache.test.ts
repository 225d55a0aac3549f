import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { groupOf, openStoredBodies, writeBodyModules } from "../../src/build/body-module.ts";
import { parseFilename } from "../../src/build/filename.ts";
import { importedBodies } from "../../src/build/manifest-module.ts";
import { RENDER_CACHE_FILE, renderKey } from "../../src/build/render-cache.ts";
import { renderAll, renderJob, type RenderJob } from "../../src/build/render-pool.ts";
import { essay, tempPosts, VALID_ESSAY, type TempPosts } from "../support/temp-posts.ts";

let posts: TempPosts | undefined;
afterEach(() => posts?.remove());

const body = (text: string): string => text.split("\n").slice(1).join("\n");

/** The render cache's lines as [key, JSON] pairs: a 64-character key, a space, the entry. */
const cacheLines = (cacheDir: string): [string, string][] =>
  readFileSync(join(cacheDir, RENDER_CACHE_FILE), "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => [line.slice(0, 64), line.slice(65)]);

const parses = (json: string): boolean => {
  try {
    return JSON.parse(json) !== null;
  } catch {
    return false;
  }
};

/** Two essay file names whose posts share a body module. */
const sameGroup = (): [string, string] => {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const name = `2026-01-01-essay-${i}.md`;
    const other = seen.get(groupOf(name));
    if (other !== undefined) return [other, name];
    seen.set(groupOf(name), name);
  }
};

describe("the render cache", () => {
  it("gives a rebuild after an edit exactly the bytes a build without it gives", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY, "about.md": essay({ title: '"A"' }, "About.\n") });
    await posts.build();
    posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some words", "Other words, [linked](/writing/one)"));
    await posts.build();
    const warm = posts.output();
    const cold = await posts.build("production", { cache: false });
    expect(cold.manifest.essays.find((e) => e.slug === "two")?.html).toContain("Other words");
    expect(body(posts.output())).toBe(body(warm));
  });

  it("keys an entry by the file's name and bytes and by the code and library versions", () => {
    const bytes = new TextEncoder().encode(VALID_ESSAY);
    expect(renderKey("code-a", "posts/x.md", bytes)).toBe(renderKey("code-a", "posts/x.md", bytes));
    expect(renderKey("code-a", "posts/x.md", bytes)).not.toBe(renderKey("code-b", "posts/x.md", bytes));
    expect(renderKey("code-a", "posts/x.md", bytes)).not.toBe(renderKey("code-a", "posts/y.md", bytes));
    expect(renderKey("code-a", "posts/x.md", bytes)).not.toBe(renderKey("code-a", "posts/x.md", new TextEncoder().encode(`${VALID_ESSAY} `)));
  });

  it("keeps only the body modules the last build used, and drops unused cache entries once they outnumber the used ones", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY });
    await posts.build();
    const entries = (): [string, string][] => cacheLines(posts?.cacheDir ?? "");
    const imported = (): string[] => importedBodies(readFileSync(posts?.outFile ?? "", "utf8")).map((name) => `${name}.ts`).sort();
    expect(entries()).toHaveLength(2);
    expect(readdirSync(posts.bodiesDir).sort()).toEqual(imported());
    // Each edit appends the edited post's entry, until the two in use are outnumbered.
    const lines: number[] = [];
    for (const words of ["New", "Newer", "Newest"]) {
      const before = imported();
      posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some", words));
      await posts.build();
      lines.push(entries().length);
      expect(readdirSync(posts.bodiesDir).sort()).toEqual(imported());
      expect(imported()).not.toEqual(before);
    }
    expect(lines).toEqual([3, 4, 2]);
  });

  it("after an edit, writes the edited post's body module again with the unedited bodies of its group taken from the old one", async () => {
    const [first, second] = sameGroup();
    posts = tempPosts({ [first]: VALID_ESSAY.replace("Some words", "First words"), [second]: VALID_ESSAY.replace("Some words", "Second words") });
    await posts.build();
    const [module] = readdirSync(posts.bodiesDir);
    expect(readdirSync(posts.bodiesDir)).toHaveLength(1);
    posts.write(second, VALID_ESSAY.replace("Some words", "Edited words"));
    await posts.build();
    const modules = readdirSync(posts.bodiesDir);
    expect(modules).toHaveLength(1);
    expect(modules).not.toEqual([module]);
    const text = readFileSync(join(posts.bodiesDir, modules[0] ?? ""), "utf8");
    expect(text).toContain("First words");
    expect(text).toContain("Edited words");
    expect(text).not.toContain("Second words");
    const warm = posts.output();
    await posts.build("production", { cache: false });
    expect(body(posts.output())).toBe(body(warm));
  });

  it("reads a cached post's bodies from whichever module that held them is still there", () => {
    // As a build that stopped between writing its modules and pruning the old ones leaves them:
    // two modules of one group, both holding the first post.
    const [first, second] = sameGroup();
    const dir = mkdtempSync(join(tmpdir(), "fmlops-bodies-"));
    try {
      const [a, b] = ["a".repeat(64), "b".repeat(64)];
      const source = (key: string, file: string, html: string) => ({ key, file: `posts/${file}`, json: () => JSON.stringify({ html }) });
      writeBodyModules(dir, [source(a, first, "First"), source(b, second, "Second")], "posts/");
      writeBodyModules(dir, [source(a, first, "First")], "posts/");
      const modules = readdirSync(dir);
      expect(modules).toHaveLength(2);
      const saved = modules.map((name) => readFileSync(join(dir, name), "utf8"));
      for (const gone of modules) {
        modules.forEach((name, i) => writeFileSync(join(dir, name), saved[i] ?? ""));
        const stored = openStoredBodies(dir);
        rmSync(join(dir, gone));
        expect(stored.json(a)).toBe('{"html":"First"}');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not repeat a draft's line, rendered again by every production build, in the cache", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-draft.md": essay({ title: '"D"', dek: '"D"', summary: '"S"', draft: "true" }) });
    const lines: number[] = [];
    for (let i = 0; i < 3; i++) {
      await posts.build();
      lines.push(cacheLines(posts.cacheDir).length);
    }
    expect(lines).toEqual([2, 2, 2]);
  });

  it("starts what it appends on a line of its own when the last line was cut short", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY });
    await posts.build();
    const file = join(posts.cacheDir, RENDER_CACHE_FILE);
    writeFileSync(file, readFileSync(file, "utf8").slice(0, -10));
    posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some words", "Other words"));
    await posts.build();
    // The first post's line, and the edited post's new one; only the line that was cut is lost.
    expect(cacheLines(posts.cacheDir).filter(([, json]) => parses(json))).toHaveLength(2);
  });

  it("renders a post again whose line in the cache is damaged", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY });
    await posts.build();
    const before = posts.output();
    const file = join(posts.cacheDir, RENDER_CACHE_FILE);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\}\n/, "\n"));
    const { manifest } = await posts.build();
    expect(manifest.essays.map((essay) => essay.html)).toEqual([expect.stringContaining("Some words"), expect.stringContaining("Some words")]);
    expect(posts.output()).toBe(before);
    // The entry written again comes after the damaged one, so it is the one the next build reads.
    const latest = new Map(cacheLines(posts.cacheDir));
    expect([...latest.values()].every(parses)).toBe(true);
  });

  it("renders a post again when no body module holds its bodies, even with its entry cached", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY });
    await posts.build();
    const before = posts.output();
    rmSync(posts.bodiesDir, { recursive: true });
    const { manifest } = await posts.build();
    expect(manifest.essays[0]?.html).toContain("Some words");
    expect(posts.output()).toBe(before);
  });
});

describe("rendering on every core", () => {
  it("gives the same results, in the same order, as rendering on one", async () => {
    const jobs: RenderJob[] = Array.from({ length: 150 }, (_, i) => {
      const name = `2026-01-01-essay-${i}.md`;
      const parsed = parseFilename(name);
      if (parsed.kind === "invalid") throw new Error(name);
      return { file: `posts/${name}`, bytes: new TextEncoder().encode(VALID_ESSAY.replace("A title", `Title ${i}`)), name: parsed };
    });
    const results = await renderAll(jobs);
    expect(results).toEqual(jobs.map(renderJob));
    expect(results.every((result) => result.ok)).toBe(true);
  });
});
