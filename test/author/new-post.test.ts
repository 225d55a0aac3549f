import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { npm } from "../support/npm.ts";
import { copyProject, type ProjectCopy } from "../support/project-copy.ts";

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

const today = new Date().toISOString().slice(0, 10);

describe('npm run new -- "Title"', () => {
  it("starts a draft dated today (UTC) with valid front matter and a skeleton, which the preview shows", () => {
    project = copyProject();
    const result = npm(project.dir, ["new", "--", "Ünïcode & the Cursor File!"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      `created posts/${today}-unicode-the-cursor-file.md (a draft: \`npm run dev\` shows it; set draft: false to publish)\n`,
    );
    const text = readFileSync(join(project.dir, "posts", `${today}-unicode-the-cursor-file.md`), "utf8");
    expect(text).toMatch(
      /^---\ntitle: "Ünïcode & the Cursor File!"\ndek: ".+"\nsummary: ".+"\ntags: \[\]\ndraft: true\n---\n/,
    );
    expect(text).toContain("## The fix");
    const preview = npm(project.dir, ["build", "--", "--preview"]);
    expect(preview.stderr).toBe("");
    expect(preview.stdout).toMatch(/built preview manifest: 5 essays/);
    expect(npm(project.dir, ["build"]).stdout).toMatch(/built production manifest: 4 essays/);
  });

  it("refuses a slug another post already has, naming it, and writes nothing", () => {
    project = copyProject();
    const before = readdirSync(join(project.dir, "posts")).sort();
    const result = npm(project.dir, ["new", "--", "The hash that never matched"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'npm run new: the slug "the-hash-that-never-matched" is already used by posts/2026-10-27-the-hash-that-never-matched.md: choose another title, or edit that post\n',
    );
    expect(readdirSync(join(project.dir, "posts")).sort()).toEqual(before);
    expect(npm(project.dir, ["new", "--", "About"]).stderr).toMatch(
      /the slug "about" is already used by posts\/about\.md/,
    );
  });

  it("never overwrites a file", () => {
    project = copyProject();
    const file = join(project.dir, "posts", `${today}-twice.md`);
    expect(npm(project.dir, ["new", "--", "Twice"]).status).toBe(0);
    writeFileSync(file, "the author's words");
    const again = npm(project.dir, ["new", "--", "Twice"]);
    expect(again.status).toBe(1);
    expect(readFileSync(file, "utf8")).toBe("the author's words");
  });

  it("asks for a title that makes a slug", () => {
    project = copyProject();
    expect(npm(project.dir, ["new"]).stderr).toBe(
      'npm run new: give the essay a title: npm run new -- "Title of the essay"\n',
    );
    expect(npm(project.dir, ["new", "--", "!!!"]).stderr).toBe(
      'npm run new: "!!!" makes no slug (it needs letters or digits): choose another title\n',
    );
    expect(existsSync(join(project.dir, "posts", `${today}-.md`))).toBe(false);
  });
});
