// The CLI runs the build compiled into JavaScript when the cache is on (see compiled-build.js):
// it must write what the TypeScript sources write, render worker included, and compile again
// whenever a source changes; the code cache V8 keeps for it is written once per kind of run, and
// one that is damaged is never used.

import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
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
/** A file of the one compiled build. */
const compiledFile = (name: string): string => {
  const [hash] = compiled();
  return join(project.dir, ".cache/compiled", hash ?? "", name);
};
/** A file's bytes and when they were last written. */
const written = (file: string): { readonly bytes: Buffer; readonly at: number } => ({ bytes: readFileSync(file), at: statSync(file).mtimeMs });
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
    expect(readdirSync(join(project.dir, ".cache/compiled", hash ?? "")).sort()).toEqual(["build.code-cache", "cli.cjs", "render-worker.cjs"]);
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

  it("keeps the code cache of a build's first run, which V8 accepts in the runs after it", () => {
    expect(build().status).toBe(0);
    const cache = compiledFile("build.code-cache");
    const first = written(cache);
    appendFileSync(join(project.dir, "posts/2025-01-02-essay-1.md"), "\nAn edit.\n");
    expect(build().status).toBe(0);
    // A cache V8 rejected, or one not read at all, would have been written again.
    expect(written(cache)).toEqual(first);
    // A check runs few of a build's functions, so it keeps its own and leaves the build's alone.
    const check = build("--check");
    expect(check.status, check.stderr).toBe(0);
    expect(readFileSync(compiledFile("check.code-cache")).length).toBeGreaterThan(0);
    expect(written(cache)).toEqual(first);
  });

  it("never uses a damaged code cache: it builds as before and writes the cache anew", () => {
    const damages: Record<string, (file: string) => void> = {
      "one byte changed": (file) => {
        const bytes = readFileSync(file);
        bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
        writeFileSync(file, bytes);
      },
      "cut short": (file) => truncateSync(file, statSync(file).size >> 1),
      empty: (file) => writeFileSync(file, ""),
    };
    expect(build().status).toBe(0);
    const expected = generated();
    const cache = compiledFile("build.code-cache");
    for (const [what, damage] of Object.entries(damages)) {
      const good = readFileSync(cache);
      damage(cache);
      const damaged = readFileSync(cache);
      rmSync(join(project.dir, "src/generated"), { recursive: true });
      const result = build();
      expect(result.status, `${what}: ${result.stderr}`).toBe(0);
      expect(result.stderr, what).toBe("");
      expect(generated(), what).toEqual(expected);
      const rewritten = readFileSync(cache);
      expect(rewritten.equals(damaged), what).toBe(false);
      expect(rewritten.length, what).toBeGreaterThan(good.length / 2);
      // Written anew, it is read again: the next build leaves it as it is.
      const before = written(cache);
      expect(build().status).toBe(0);
      expect(written(cache), what).toEqual(before);
    }
  });

  it("still reports problems as the sources do", () => {
    writeFileSync(join(project.dir, "posts/2025-02-01-broken.md"), essay({ title: '"Broken"' }));
    const [warm, cold] = [build(), build("--no-cache")];
    expect(warm.status).toBe(1);
    expect(warm.stderr).toMatch(/^posts\/2025-02-01-broken\.md:1: front matter is missing `dek`/);
    expect(warm.stderr).toBe(cold.stderr);
  });
});
