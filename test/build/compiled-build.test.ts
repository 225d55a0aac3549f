// The CLI runs the build compiled into JavaScript when the cache is on (see compiled-build.js):
// it must write what the TypeScript sources write, render worker included, and compile again
// whenever a source changes; the code cache V8 keeps for it is written once per kind of run, and
// one that is damaged is never used.

import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
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
/** An edit to one post, a different one each round: what makes a build a rebuild. */
const edit = (round: number): void => appendFileSync(join(project.dir, "posts/2025-01-02-essay-1.md"), `\nEdit ${round}.\n`);
/** A build that says what became of its code cache (see compiled-build.js), on stderr. */
const debugBuild = (...args: string[]) => {
  const result = buildIn(project.dir, args, { NODE_DEBUG: "fmlops" });
  expect(result.status, result.stderr).toBe(0);
  return result;
};
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
    expect(readdirSync(join(project.dir, ".cache/compiled", hash ?? "")).sort()).toEqual(["cli.cjs", "render-worker.cjs"]);
    // Strict mode, as the sources (ES modules) always are: the directive must come first.
    for (const module of ["cli.cjs", "render-worker.cjs"]) expect(readFileSync(compiledFile(module), "utf8")).toMatch(/^"use strict";/);
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
    // One of the build's own modules, and a module it shares with the Worker.
    for (const source of ["src/build/problem.ts", "src/urls.ts"]) {
      const before = compiled();
      appendFileSync(join(project.dir, source), "\n// changed\n");
      const result = build();
      expect(result.status, result.stderr).toBe(0);
      expect(compiled()).toHaveLength(1);
      expect(compiled(), source).not.toEqual(before);
    }
  });

  it("keeps the code cache of the first rebuild, which V8 accepts in the runs after it", () => {
    expect(build().status).toBe(0);
    // Compiled afresh over a full render cache: the first build renders nothing, so keeps no cache.
    rmSync(join(project.dir, ".cache/compiled"), { recursive: true });
    const unrendered = debugBuild();
    expect(unrendered.stderr).toMatch(/code cache: none in .*build\.code-cache\n.*code cache: not kept, the build rendered no post\n/s);
    expect(existsSync(compiledFile("build.code-cache"))).toBe(false);
    // Nor does a build that renders every post: it is not the rebuild the cache is for.
    rmSync(join(project.dir, "src/generated"), { recursive: true });
    expect(debugBuild().stderr).toMatch(new RegExp(`code cache: not kept, the build rendered ${POSTS} posts, more than a rebuild\n`));
    expect(existsSync(compiledFile("build.code-cache"))).toBe(false);
    edit(1);
    expect(debugBuild().stderr).toMatch(/code cache: kept, \d+ bytes\n/);
    const cache = compiledFile("build.code-cache");
    const kept = written(cache);
    edit(2);
    const accepted = debugBuild();
    expect(accepted.stdout).toMatch(/; 1 post rendered\n$/);
    expect(accepted.stderr).toMatch(/^FMLOPS \d+: code cache: accepted\n$/);
    expect(written(cache)).toEqual(kept);
    // A check runs few of a build's functions, so it keeps its own and leaves the build's alone. A
    // cache made before the run, of the module's top level only, would be the same size for both.
    expect(debugBuild("--check").stderr).toMatch(/code cache: kept/);
    expect(debugBuild("--check").stderr).toMatch(/code cache: accepted/);
    expect(written(cache)).toEqual(kept);
    expect(statSync(compiledFile("check.code-cache")).size).toBeLessThan(kept.bytes.length * 0.9);
  });

  it("requires no package but esbuild at run time: js-yaml's optional esprima stays unloaded", () => {
    expect(build().status).toBe(0);
    appendFileSync(join(project.dir, "posts/2025-01-03-essay-2.md"), "\nAn edit.\n");
    const loads = (...args: string[]) => buildIn(project.dir, args, { NODE_DEBUG: "module" }).stderr;
    expect(loads()).not.toMatch(/esprima/);
    // The sources, loaded by Node, do load it: what the line above would show.
    expect(loads("--no-cache")).toMatch(/esprima/);
  });

  it("never uses a damaged code cache: it builds as the sources do and writes the cache anew", () => {
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
    const cache = compiledFile("build.code-cache");
    rmSync(cache, { force: true });
    edit(10);
    expect(debugBuild().stderr).toMatch(/code cache: kept/);
    for (const [round, [what, damage]] of Object.entries(damages).entries()) {
      const good = readFileSync(cache);
      damage(cache);
      const damaged = readFileSync(cache);
      edit(11 + round);
      const result = debugBuild();
      expect(result.stderr, what).toMatch(/code cache: damaged, not used: .*build\.code-cache\n.*code cache: kept, \d+ bytes\n/s);
      const built = generated();
      const rewritten = readFileSync(cache);
      expect(rewritten.equals(damaged), what).toBe(false);
      expect(rewritten.length, what).toBeGreaterThan(good.length / 2);
      // Written anew, it is read again: the next build leaves it as it is.
      const before = written(cache);
      expect(debugBuild().stderr, what).toMatch(/^FMLOPS \d+: code cache: accepted\n$/);
      expect(written(cache), what).toEqual(before);
      expect(build("--no-cache").status).toBe(0);
      expect(built, what).toEqual(generated());
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
