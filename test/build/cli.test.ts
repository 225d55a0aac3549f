// The build's command line, run as `npm run build` runs it, in a throwaway copy of the project.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_SERVER_ENV } from "../../src/generator/paths.ts";
import { buildIn, dryRunIn } from "../support/npm.ts";
import { copyProject, type ProjectCopy } from "../support/project-copy.ts";
import { essay } from "../support/temp-posts.ts";

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject();
});
afterAll(() => project.remove());

const build = (...args: string[]) => buildIn(project.dir, args);

describe("node src/generator/cli.ts", () => {
  it("builds the real posts and says what it built", () => {
    const result = build();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^built production manifest: \d+ essays, \d+ pages?; \d+ posts? rendered, \d+ cards? drawn\n$/,
    );
    expect(build("--check").status).toBe(0);
  });

  it("lists every problem as file:line: message, exits 1, and leaves the manifest as it was", () => {
    build();
    const manifest = join(project.dir, "src/generated/manifest.ts");
    const before = readFileSync(manifest);
    writeFileSync(
      join(project.dir, "posts/2026-11-01-half-written.md"),
      essay({ title: '"Half"', date: "2026-11-01" }),
    );
    writeFileSync(join(project.dir, "posts/scratch.txt"), "notes");
    const result = build();
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      "posts/2026-11-01-half-written.md:1: front matter is missing `dek` (the one-line subtitle shown under the title)",
      "posts/2026-11-01-half-written.md:1: front matter is missing `summary` (one plain-text paragraph for the index, feeds and meta description)",
      "posts/2026-11-01-half-written.md:3: remove the `date` key: an essay's date comes from its filename (YYYY-MM-DD-slug.md) and nowhere else",
      expect.stringMatching(/^posts\/scratch\.txt: only Markdown posts belong in posts\//),
      "build failed: 4 problems; the previous manifest was left as it was",
      "",
    ]);
    expect(readFileSync(manifest)).toEqual(before);
  });

  it("--check fails on a stale manifest and names the command to run", () => {
    const result = build("--check");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^src\/generated\/manifest\.ts is stale: .*; run `npm run build`\n$/);
  });

  it("makes wrangler refuse to bundle a stale manifest, naming the command to run", () => {
    const wrangler = dryRunIn(project.dir);
    expect(wrangler.status).not.toBe(0);
    expect(wrangler.stdout + wrangler.stderr).toContain("src/generated/manifest.ts is stale");
    expect(wrangler.stdout + wrangler.stderr).toContain("run `npm run build`");
  });
});

describe("a preview manifest", () => {
  it("is accepted by wrangler's check only under npm run dev, so a deploy after a preview cannot ship drafts", () => {
    const preview = copyProject();
    try {
      const run = (args: string[], env: NodeJS.ProcessEnv = {}) => buildIn(preview.dir, args, env);
      expect(run(["--preview"]).status).toBe(0);
      const deploy = dryRunIn(preview.dir);
      expect(deploy.status).not.toBe(0);
      expect(deploy.stdout + deploy.stderr).toContain("src/generated/manifest.ts is stale");
      const underDev = run(["--check"], { [DEV_SERVER_ENV]: "1" });
      expect(underDev.status, underDev.stderr).toBe(0);
      expect(run(["--check", "--preview"]).status).toBe(0);
    } finally {
      preview.remove();
    }
  });
});
