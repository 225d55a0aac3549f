import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildManifest } from "../../src/generator/build.ts";
import { codeHash, filesUnder, renderKey } from "../../src/generator/inputs.ts";
import { projectPaths } from "../../src/generator/paths.ts";
import { openRenderCache } from "../../src/generator/render-cache.ts";
import { BODIES_DIR } from "../../src/manifest.ts";
import { buildIn } from "../support/npm.ts";
import { copyProject, ROOT } from "../support/project-copy.ts";
import { bodyOf, essay, tempPosts, type TempPosts, VALID_ESSAY } from "../support/temp-posts.ts";

let posts: TempPosts | undefined;
afterEach(() => posts?.remove());

const body = (text: string): string => text.split("\n").slice(1).join("\n");

/** The render cache's lines as [key, JSON] pairs: a 64-character key, a space, the result (a tab before its entry). */
const cacheLines = (cacheFile: string): [string, string][] =>
  readFileSync(cacheFile, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => [line.slice(0, 64), line.slice(65)]);

const parses = (json: string): boolean => {
  try {
    return json.split("\t").every((part) => JSON.parse(part) !== null);
  } catch {
    return false;
  }
};

describe("the render cache", () => {
  it("gives a rebuild after an edit exactly the bytes a build without it gives", async () => {
    posts = tempPosts({
      "2026-01-01-one.md": VALID_ESSAY,
      "2026-01-02-two.md": VALID_ESSAY,
      "about.md": essay({ title: '"A"' }, "About.\n"),
    });
    await posts.build();
    posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some words", "Other words, [linked](/writing/one)"));
    await posts.build();
    const warm = posts.output();
    const cold = await posts.build("production", { cache: false });
    expect(bodyOf(cold, "two").html).toContain("Other words");
    expect(body(posts.output())).toBe(body(warm));
  });

  it("keys an entry by the file's name and bytes and by the code and library versions", () => {
    const bytes = new TextEncoder().encode(VALID_ESSAY);
    expect(renderKey("code-a", "posts/x.md", bytes)).toBe(renderKey("code-a", "posts/x.md", bytes));
    expect(renderKey("code-a", "posts/x.md", bytes)).not.toBe(renderKey("code-b", "posts/x.md", bytes));
    expect(renderKey("code-a", "posts/x.md", bytes)).not.toBe(renderKey("code-a", "posts/y.md", bytes));
    expect(renderKey("code-a", "posts/x.md", bytes)).not.toBe(
      renderKey("code-a", "posts/x.md", new TextEncoder().encode(`${VALID_ESSAY} `)),
    );
  });

  it("drops unused entries once they outnumber the used ones", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY });
    await posts.build();
    const entries = (): [string, string][] => cacheLines(posts?.cacheFile ?? "");
    expect(entries()).toHaveLength(2);
    // Each edit appends the edited post's entry, until the two in use are outnumbered.
    const lines: number[] = [];
    for (const words of ["New", "Newer", "Newest"]) {
      posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some", words));
      await posts.build();
      lines.push(entries().length);
    }
    expect(lines).toEqual([3, 4, 2]);
  });

  it("starts what it appends on a line of its own when the last line was cut short", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY });
    await posts.build();
    const file = posts.cacheFile;
    writeFileSync(file, readFileSync(file, "utf8").slice(0, -10));
    posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some words", "Other words"));
    await posts.build();
    // The first post's line, and the edited post's new one; only the line that was cut is lost.
    expect(cacheLines(posts.cacheFile).filter(([, json]) => parses(json))).toHaveLength(2);
  });

  it("kept in memory between builds, as npm run dev keeps it, renders only the post that changed", async () => {
    posts = tempPosts({
      "2026-01-01-one.md": VALID_ESSAY,
      "2026-01-02-two.md": VALID_ESSAY,
      "about.md": essay({ title: '"A"' }, "About.\n"),
    });
    const cache = openRenderCache(null, codeHash(ROOT));
    expect((await buildManifest(posts.options(), cache)).rendered).toBe(3);
    posts.write("2026-01-02-two.md", VALID_ESSAY.replace("Some words", "Saved words"));
    const rebuilt = await buildManifest(posts.options(), cache);
    expect(rebuilt.rendered).toBe(1);
    expect(bodyOf(rebuilt, "two").html).toContain("Saved words");
  });

  it("is keyed by the generator's code and every installed library's version, not the Worker's code", () => {
    const project = copyProject();
    try {
      // node_modules of its own, every package linked but npm's record of what it installed.
      const modules = join(project.dir, "node_modules");
      rmSync(modules);
      mkdirSync(modules);
      for (const name of readdirSync(join(ROOT, "node_modules"))) {
        if (name !== ".package-lock.json") symlinkSync(join(ROOT, "node_modules", name), join(modules, name));
      }
      copyFileSync(join(ROOT, "node_modules", ".package-lock.json"), join(modules, ".package-lock.json"));
      const installed = codeHash(project.dir);
      const record = join(modules, ".package-lock.json");
      writeFileSync(record, readFileSync(record, "utf8").replace(/"version": "4\.0\.3"/, '"version": "4.0.4"'));
      expect(codeHash(project.dir)).not.toBe(installed);
      const before = codeHash(project.dir);
      appendFileSync(join(project.dir, "src/worker/layout.ts"), "\n");
      expect(codeHash(project.dir)).toBe(before);
      appendFileSync(join(project.dir, "src/generator/markdown/render.ts"), "\n");
      expect(codeHash(project.dir)).not.toBe(before);
    } finally {
      project.remove();
    }
  });

  it("keeps drafts too, so a production build right after a preview renders nothing again", async () => {
    posts = tempPosts({
      "2026-01-01-one.md": VALID_ESSAY,
      "2026-01-02-draft.md": essay({ title: '"D"', dek: '"D"', summary: '"S"', draft: "true" }),
    });
    expect((await posts.build("preview")).rendered).toBe(2);
    const lines: number[] = [];
    for (let i = 0; i < 3; i++) {
      expect((await posts.build()).rendered).toBe(0);
      lines.push(cacheLines(posts.cacheFile).length);
    }
    expect(lines).toEqual([2, 2, 2]);
  });

  it("keeps a process's renderings under the code it loaded, so an edit to the generator during npm run dev never passes the old code's output off as the new", async () => {
    const project = copyProject();
    try {
      const paths = { ...projectPaths(project.dir), mode: "production" as const };
      // As npm run dev does: the code hashed once, at start, and the cache kept in memory and on disk.
      const cache = openRenderCache(paths.cacheFile, codeHash(project.dir));
      expect((await buildManifest(paths, cache)).rendered).toBeGreaterThan(0);
      const render = join(project.dir, "src/generator/markdown/render.ts");
      writeFileSync(
        render,
        readFileSync(render, "utf8").replace('<pre tabindex="0">', '<pre tabindex="0" data-edited>'),
      );
      appendFileSync(join(project.dir, "posts/about.md"), "\nOne more line.\n");
      expect((await buildManifest(paths, cache)).rendered).toBe(1);
      // A fresh process loads the edited code: nothing the old code rendered may pass for its output.
      const fresh = buildIn(project.dir, []);
      expect(fresh.status, fresh.stderr).toBe(0);
      expect(fresh.stdout).not.toMatch(/; 0 posts rendered/);
      const bodies = filesUnder(join(paths.publicDir, BODIES_DIR)).map((file) => readFileSync(file, "utf8"));
      expect(bodies.join("")).toContain("data-edited");
    } finally {
      project.remove();
    }
  });

  it("renders a post again whose line in the cache is damaged", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY });
    await posts.build();
    const before = posts.output();
    const file = posts.cacheFile;
    writeFileSync(file, readFileSync(file, "utf8").replace(/\}\n/, "\n"));
    const built = await posts.build();
    expect(built.manifest.essays.map((essay) => bodyOf(built, essay.slug).html)).toEqual([
      expect.stringContaining("Some words"),
      expect.stringContaining("Some words"),
    ]);
    expect(posts.output()).toBe(before);
    // The entry written again comes after the damaged one, so it is the one the next build reads.
    const latest = new Map(cacheLines(posts.cacheFile));
    expect([...latest.values()].every(parses)).toBe(true);
  });
});
