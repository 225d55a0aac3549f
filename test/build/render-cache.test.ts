import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseFilename } from "../../src/build/filename.ts";
import { renderKey } from "../../src/build/render-cache.ts";
import { renderAll, renderAndStore, type RenderJob } from "../../src/build/render-pool.ts";
import { essay, tempPosts, VALID_ESSAY, type TempPosts } from "../support/temp-posts.ts";

let posts: TempPosts | undefined;
afterEach(() => posts?.remove());

const body = (text: string): string => text.split("\n").slice(1).join("\n");

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

  it("keeps only the entries and body modules the last build used", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY });
    await posts.build();
    const cache = join(posts.postsDir, "..", "cache");
    const entries = (): string[] => readdirSync(cache).filter((name) => name.endsWith(".json"));
    expect(entries()).toHaveLength(2);
    expect(readdirSync(posts.bodiesDir)).toHaveLength(2);
    posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some", "New"));
    await posts.build();
    expect(entries()).toHaveLength(2);
    expect(readdirSync(posts.bodiesDir)).toHaveLength(2);
  });

  it("renders a post again when its body module is gone, even with its entry cached", async () => {
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
      const bytes = new TextEncoder().encode(VALID_ESSAY.replace("A title", `Title ${i}`));
      return { file: `posts/${name}`, bytes, name: parsed, key: renderKey("code", `posts/${name}`, bytes) };
    });
    const [pooled, alone] = [mkdtempSync(join(tmpdir(), "fmlops-bodies-")), mkdtempSync(join(tmpdir(), "fmlops-bodies-"))];
    try {
      expect(await renderAll(jobs, pooled)).toEqual(jobs.map((job) => renderAndStore(job, alone)));
      const files = readdirSync(alone).sort();
      expect(files).toHaveLength(150);
      expect(readdirSync(pooled).sort()).toEqual(files);
      for (const file of files) expect(readFileSync(join(pooled, file), "utf8")).toBe(readFileSync(join(alone, file), "utf8"));
    } finally {
      rmSync(pooled, { recursive: true, force: true });
      rmSync(alone, { recursive: true, force: true });
    }
  });
});
