import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseFilename } from "../../src/build/filename.ts";
import { readPost } from "../../src/build/post.ts";
import { openRenderCache } from "../../src/build/render-cache.ts";
import { renderAll, type RenderJob } from "../../src/build/render-pool.ts";
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
    const dir = mkdtempSync(join(tmpdir(), "fmlops-cache-"));
    try {
      const bytes = new TextEncoder().encode(VALID_ESSAY);
      const a = openRenderCache(dir, "code-a");
      const b = openRenderCache(dir, "code-b");
      expect(a.key("posts/x.md", bytes)).toBe(a.key("posts/x.md", bytes));
      expect(a.key("posts/x.md", bytes)).not.toBe(b.key("posts/x.md", bytes));
      expect(a.key("posts/x.md", bytes)).not.toBe(a.key("posts/y.md", bytes));
      expect(a.key("posts/x.md", bytes)).not.toBe(a.key("posts/x.md", new TextEncoder().encode(`${VALID_ESSAY} `)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps only the entries the last build used", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY });
    await posts.build();
    const cache = join(posts.postsDir, "..", "cache");
    expect(readdirSync(cache)).toHaveLength(2);
    posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some", "New"));
    await posts.build();
    expect(readdirSync(cache)).toHaveLength(2);
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
    expect(await renderAll(jobs)).toEqual(jobs.map((job) => readPost(job.file, job.bytes, job.name)));
  });
});
