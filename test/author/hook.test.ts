// The pre-commit hook, in a temporary git repository made from a copy of the project.

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { npm } from "../support/npm.ts";
import { copyProject, type ProjectCopy } from "../support/project-copy.ts";
import { essay } from "../support/temp-posts.ts";
import { QUIET_WRANGLER } from "../../src/author/run.ts";

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

const git = (cwd: string, ...args: string[]) =>
  spawnSync("git", ["-c", "user.name=Author", "-c", "user.email=author@example.com", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CI: "", ...QUIET_WRANGLER },
  });

const repository = (): string => {
  project = copyProject();
  const dir = project.dir;
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--no-verify", "-m", "start");
  return dir;
};

const today = new Date().toISOString().slice(0, 10);

describe("the pre-commit hook", () => {
  it("is installed by npm's prepare step", () => {
    const dir = repository();
    expect(npm(dir, ["prepare"]).status).toBe(0);
    expect(git(dir, "config", "core.hooksPath").stdout.trim()).toBe(".githooks");
  });

  it("rejects a commit that npm run check rejects, and says why", () => {
    const dir = repository();
    npm(dir, ["prepare"]);
    writeFileSync(join(dir, "posts", `${today}-broken.md`), essay({ title: '"Broken"' }, "x\n"));
    git(dir, "add", "-A");
    const commit = git(dir, "commit", "-m", "a broken post");
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain(`posts/${today}-broken.md:1: front matter is missing \`dek\``);
    expect(git(dir, "log", "--oneline").stdout.trim().split("\n")).toHaveLength(1);
  });

  it("commits a new essay together with its newly public URLs in the ledger", () => {
    const dir = repository();
    npm(dir, ["prepare"]);
    writeFileSync(
      join(dir, "posts", `${today}-fresh.md`),
      essay({ title: '"Fresh"', dek: '"D"', summary: '"S"' }, "Body.\n"),
    );
    git(dir, "add", "-A");
    const commit = git(dir, "commit", "-q", "-m", "a new essay");
    expect(commit.status, commit.stderr).toBe(0);
    const committed = git(dir, "show", "HEAD:published-urls.txt").stdout;
    expect(committed.split("\n").slice(-3)).toEqual(["/writing/fresh", "/writing/fresh.md", ""]);
    expect(git(dir, "status", "--porcelain").stdout).toBe("");
  });
});

describe("npm's prepare step outside a git repository", () => {
  it("does nothing, silently", () => {
    project = copyProject();
    const result = npm(project.dir, ["prepare"]);
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe("");
    expect(readFileSync(join(project.dir, "package.json"), "utf8")).toContain('"prepare"');
  });
});
