// The CLI runs the build compiled into JavaScript when the cache is on (see compiled-build.js):
// it must write what the TypeScript sources write, render worker included, and compile again
// whenever a source changes.

import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_GROUPS } from "../../src/build/body-module.ts";
import { buildIn } from "../support/npm.ts";
import { copyProject, type ProjectCopy } from "../support/project-copy.ts";
import { essay } from "../support/temp-posts.ts";

/** More posts than the render pool renders on one thread, so the compiled worker takes part. */
const POSTS = 80;

let project: ProjectCopy;
beforeAll(() => {
  const posts = mkdtempSync(join(tmpdir(), "fmlops-compiled-posts-"));
  for (let i = 0; i < POSTS; i++) {
    const body = `Essay ${i} has a [link](/writing/essay-0) and code:\n\n\`\`\`ts\nconst n = ${i};\n\`\`\`\n\n## Part ${i}\n\nWords.[^1]\n\n[^1]: A note.\n`;
    writeFileSync(join(posts, `2025-01-${String((i % 28) + 1).padStart(2, "0")}-essay-${i}.md`), essay({ title: `"Essay ${i}"`, dek: '"D"', summary: '"S."' }, body));
  }
  project = copyProject({ posts });
  rmSync(posts, { recursive: true, force: true });
});
afterAll(() => project.remove());

const build = (...args: string[]) => buildIn(project.dir, args);
const compiled = (): string[] => readdirSync(join(project.dir, ".cache/compiled")).sort();
/** Everything the build generated into src/generated, by name. */
const generated = (): Record<string, string> => {
  const dir = join(project.dir, "src/generated");
  const files = ["manifest.ts", ...readdirSync(join(dir, "bodies")).map((name) => `bodies/${name}`)];
  return Object.fromEntries(files.sort().map((file) => [file, readFileSync(join(dir, file), "utf8")]));
};

describe("the compiled build", () => {
  it("writes byte for byte what the TypeScript sources write, with and without a cache", () => {
    expect(build("--no-cache").status).toBe(0);
    const fromSources = generated();
    rmSync(join(project.dir, "src/generated"), { recursive: true });
    const first = build();
    expect(first.stderr).toBe("");
    expect(compiled()).toHaveLength(1);
    const [hash] = compiled();
    expect(readdirSync(join(project.dir, ".cache/compiled", hash ?? "")).sort()).toEqual(["cli.mjs", "render-worker.mjs", "v8"]);
    expect(generated()).toEqual(fromSources);
    // Every post's bodies in one of far fewer body modules, whose second lines list the posts' keys.
    const modules = Object.entries(fromSources).filter(([file]) => file.startsWith("bodies/"));
    expect(modules.length).toBeLessThanOrEqual(BODY_GROUPS);
    expect(modules.flatMap(([, text]) => (text.split("\n")[1] ?? "").split(" ").slice(2))).toHaveLength(POSTS);

    writeFileSync(join(project.dir, "posts/2025-01-01-essay-0.md"), essay({ title: '"Edited"', dek: '"D"', summary: '"S."' }, "Edited.\n"));
    expect(build().status).toBe(0);
    const warm = generated();
    expect(build("--no-cache").status).toBe(0);
    expect(generated()).toEqual(warm);
  });

  it("compiles again when a source of the build changes, and keeps only the newest", () => {
    expect(build().status).toBe(0);
    const before = compiled();
    appendFileSync(join(project.dir, "src/build/problem.ts"), "\n// changed\n");
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    expect(compiled()).toHaveLength(1);
    expect(compiled()).not.toEqual(before);
  });

  it("still reports problems as the sources do", () => {
    writeFileSync(join(project.dir, "posts/2025-02-01-broken.md"), essay({ title: '"Broken"' }));
    const [warm, cold] = [build(), build("--no-cache")];
    expect(warm.status).toBe(1);
    expect(warm.stderr).toMatch(/^posts\/2025-02-01-broken\.md:1: front matter is missing `dek`/);
    expect(warm.stderr).toBe(cold.stderr);
  });
});
