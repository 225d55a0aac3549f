// The build ↔ Worker contract for bodies: every body the manifest names is in public/_bodies/ with exactly
// the bytes it hashes, nothing else is there, and the check before every bundle says when that is not so.

import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sha256 } from "../../src/generator/inputs.ts";
import { staleness } from "../../src/generator/manifest-module.ts";
import { BODIES_DIR, type Body } from "../../src/manifest.ts";
import { essay, tempPosts, type TempPosts, VALID_ESSAY } from "../support/temp-posts.ts";

let posts: TempPosts | undefined;
afterEach(() => posts?.remove());

const bodiesIn = (p: TempPosts, sub = ""): string[] =>
  existsSync(join(p.publicDir, BODIES_DIR, sub))
    ? readdirSync(join(p.publicDir, BODIES_DIR, sub)).filter((name) => name.endsWith(".json"))
    : [];

const DRAFT = essay({ title: '"Draft"', dek: '"D"', summary: '"S"', draft: "true" }, "Unpublished words.\n");

describe("bodies in public/_bodies/", () => {
  it("are one file per published essay, named by the sha256 of its bytes, holding what the essay page needs", async () => {
    const files = { "2026-01-01-one.md": VALID_ESSAY, "2026-01-02-two.md": VALID_ESSAY.replace("Some", "Other") };
    posts = tempPosts({ ...files, "2026-01-03-draft.md": DRAFT });
    const { manifest } = await posts.build();
    expect(manifest.essays.map((e) => e.body).sort()).toEqual(bodiesIn(posts).map((name) => `/${BODIES_DIR}/${name}`));
    for (const essay of manifest.essays) {
      const text = readFileSync(join(posts.publicDir, essay.body), "utf8");
      expect(essay.body).toBe(`/${BODIES_DIR}/${sha256(text)}.json`);
      const body = JSON.parse(text) as Body;
      expect(Object.keys(body)).toEqual(["source", "html", "markdown", "toc", "words", "text"]);
      expect(body.source).toBe(sha256(readFileSync(join(posts.postsDir, `${essay.date}-${essay.slug}.md`))));
    }
    expect(posts.output()).not.toContain("Unpublished words");
    expect(readFileSync(posts.outFile, "utf8")).not.toContain("words of the essay");
  });

  it("go when no manifest names them: an edited essay's old body, and every preview body after a production build", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY, "2026-01-03-draft.md": DRAFT });
    await posts.build("preview");
    expect(bodiesIn(posts, "preview")).toEqual(["draft.json", "one.json"]);
    await posts.build();
    const [first] = bodiesIn(posts);
    posts.write("2026-01-01-one.md", VALID_ESSAY.replace("Some words", "Other words"));
    await posts.build();
    expect(bodiesIn(posts)).toHaveLength(1);
    expect(bodiesIn(posts)).not.toContain(first);
    expect(bodiesIn(posts, "preview")).toEqual([]);
    expect(staleness(posts.options())).toBeNull();
  });

  it("fail the check when one the manifest names is missing, holds other bytes, or when another file is there", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY });
    await posts.build();
    const [name = ""] = bodiesIn(posts);
    const file = join(posts.publicDir, BODIES_DIR, name);
    const text = readFileSync(file, "utf8");
    const stale = new RegExp(`^public/_bodies/${name} does not hold what the manifest names: run \`npm run build\`$`);

    writeFileSync(file, text.replace("Some words", "Edited words"));
    expect(staleness(posts.options())).toMatch(stale);
    writeFileSync(file, "{");
    expect(staleness(posts.options())).toMatch(stale);
    rmSync(file);
    expect(staleness(posts.options())).toBe(
      `public/_bodies has no ${name}, which the manifest names: run \`npm run build\``,
    );
    writeFileSync(file, text);
    expect(staleness(posts.options())).toBeNull();
    writeFileSync(join(posts.publicDir, BODIES_DIR, "stray.json"), "{}");
    expect(staleness(posts.options())).toBe(
      "public/_bodies holds stray.json, which the manifest does not name: run `npm run build`",
    );
  });

  it("let a preview save that changes only an essay's body leave the manifest module untouched, and the check still see it", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY });
    await posts.build("preview");
    const [module, modified] = [posts.output(), statSync(posts.outFile).mtimeMs];
    const moduleText = readFileSync(posts.outFile, "utf8");
    posts.write("2026-01-01-one.md", VALID_ESSAY.replace("Some words", "Other words"));
    // Until it is rebuilt, the preview's body no longer matches its post.
    expect(staleness(posts.options("preview"))).toBe(
      "public/_bodies/preview/one.json does not hold what the manifest names: run `npm run build -- --preview`",
    );
    await posts.build("preview");
    expect(readFileSync(posts.outFile, "utf8")).toBe(moduleText);
    expect(statSync(posts.outFile).mtimeMs).toBe(modified);
    expect(posts.output()).not.toBe(module);
    expect(posts.output()).toContain("Other words");
    expect(staleness(posts.options("preview"))).toBeNull();
    // A production manifest names bodies by hash: there, the same edit is a new module.
    await posts.build();
    const production = readFileSync(posts.outFile, "utf8");
    posts.write("2026-01-01-one.md", VALID_ESSAY.replace("Some words", "Third words"));
    await posts.build();
    expect(readFileSync(posts.outFile, "utf8")).not.toBe(production);
  });

  it("stay as they were when a build fails", async () => {
    posts = tempPosts({ "2026-01-01-one.md": VALID_ESSAY });
    await posts.build();
    const before = posts.output();
    posts.write("2026-01-01-one.md", VALID_ESSAY.replace("Some words", "Other words [broken](/writing/nowhere)"));
    await expect(posts.build()).rejects.toThrow();
    expect(posts.output()).toBe(before);
    expect(staleness(posts.options())).toMatch(/is stale/);
  });
});
