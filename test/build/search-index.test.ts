// The build ↔ Worker contract for search: the index holds what the manifest lists and nothing else, in the
// Worker's private assets, named by hash and checked before every bundle; both rooms fold words alike.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { sha256 } from "../../src/generator/inputs.ts";
import { staleness } from "../../src/generator/manifest-module.ts";
import { BODIES_DIR } from "../../src/manifest.ts";
import { foldedWords, foldWord, type SearchShard, type SearchTable, wordsOf } from "../../src/search.ts";
import { essay, tempPosts, type TempPosts } from "../support/temp-posts.ts";

let posts: TempPosts | undefined;
afterEach(() => posts?.remove());

const SEARCH = join(BODIES_DIR, "search");

const PUBLISHED = essay(
  { title: '"Cursor files"', dek: '"A dek about supervisors"', summary: '"A summary of indexers."', tags: "[handoff]" },
  "Prose about ledgers.\n\n```bash\necho invisiblecommand\n```\n\n## A heading on manifests\n\nMore prose.\n",
);
const ENTITIES = essay(
  { title: '"Entities"', dek: '"D"', summary: '"S"' },
  "A caf&eacute; and R&amp;D, written as references.\n",
);
const DRAFT = essay({ title: '"Secret draft"', dek: '"D"', summary: '"S"', draft: "true" }, "Unpublishedword here.\n");

/** The table and its shards as the build wrote them; every word the index holds. */
const indexOf = (p: TempPosts, tablePath: string) => {
  const table = JSON.parse(readFileSync(join(p.publicDir, tablePath), "utf8")) as SearchTable;
  const shards = [...new Set(Object.values(table.shards))].map(
    (path) => JSON.parse(readFileSync(join(p.publicDir, path), "utf8")) as SearchShard,
  );
  return { table, shards, words: shards.flatMap((shard) => shard.words) };
};

describe("the search index", () => {
  it("holds words, not the character references they were written with", async () => {
    posts = tempPosts({ "2026-01-01-one.md": ENTITIES });
    const { manifest } = await posts.build();
    const { words } = indexOf(posts, manifest.search);
    expect(words).toContain("cafe");
    expect(words).not.toContain("eacute");
    expect(words).not.toContain("amp");
  });

  it("holds the listed essays' words from title, dek, summary, tags and prose, but no code and no draft", async () => {
    posts = tempPosts({ "2026-01-01-one.md": PUBLISHED, "2026-01-02-draft.md": DRAFT });
    const { manifest } = await posts.build();
    const { table, words } = indexOf(posts, manifest.search);
    expect(table.documents).toBe(1);
    for (const word of ["cursor", "supervisors", "indexers", "handoff", "ledgers", "heading", "manifests"])
      expect(words).toContain(word);
    expect(words).not.toContain("invisiblecommand");
    expect(words).not.toContain("unpublishedword");
    expect(words).not.toContain("secret");
    // Common words and single letters are never indexed: every essay has them.
    expect(words).not.toContain("the");
    expect(words).not.toContain("a");
  });

  it("is named by the sha256 of each file's bytes, is the same from the same posts, and holds nothing else", async () => {
    posts = tempPosts({ "2026-01-01-one.md": PUBLISHED });
    const { manifest } = await posts.build();
    const files = readdirSync(join(posts.publicDir, SEARCH)).filter((name) => name.endsWith(".json"));
    const { table } = indexOf(posts, manifest.search);
    expect(files.sort()).toEqual(
      [...new Set([manifest.search, ...Object.values(table.shards)])].map((path) => path.split("/").pop()).sort(),
    );
    for (const name of files) expect(name).toBe(`${sha256(readFileSync(join(posts.publicDir, SEARCH, name)))}.json`);
    const before = posts.output();
    rmSync(join(posts.publicDir, SEARCH), { recursive: true });
    await posts.build();
    expect(posts.output()).toBe(before);
  });

  it("fails the check before a bundle when a shard is missing, changed, or a stray is beside it", async () => {
    posts = tempPosts({ "2026-01-01-one.md": PUBLISHED });
    const { manifest } = await posts.build();
    const shard = Object.values(indexOf(posts, manifest.search).table.shards)[0] ?? "";
    const file = join(posts.publicDir, shard);
    const name = shard.slice(`/${BODIES_DIR}/`.length);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("cursor", "cursed"));
    expect(staleness(posts.options())).toBe(
      `public/_bodies/${name} does not hold what the manifest names: run \`npm run build\``,
    );
    rmSync(file);
    expect(staleness(posts.options())).toBe(
      `public/_bodies has no ${name}, which the manifest names: run \`npm run build\``,
    );
    writeFileSync(file, text);
    expect(staleness(posts.options())).toBeNull();
    writeFileSync(join(posts.publicDir, SEARCH, "stray.json"), "{}");
    expect(staleness(posts.options())).toBe(
      "public/_bodies holds search/stray.json, which the manifest does not name: run `npm run build`",
    );
  });

  it("is rewritten in place by the preview, drafts included, and an edit of the prose is searchable after the next build", async () => {
    posts = tempPosts({ "2026-01-01-one.md": PUBLISHED, "2026-01-02-draft.md": DRAFT });
    const { manifest } = await posts.build("preview");
    expect(manifest.search).toBe(`/${BODIES_DIR}/search/preview/index.json`);
    expect(indexOf(posts, manifest.search).words).toContain("unpublishedword");
    posts.write("2026-01-01-one.md", PUBLISHED.replace("ledgers", "almanacs"));
    await posts.build("preview");
    const { words } = indexOf(posts, manifest.search);
    expect(words).toContain("almanacs");
    expect(words).not.toContain("ledgers");
    expect(existsSync(join(posts.publicDir, SEARCH, "preview", "0.json"))).toBe(true);
  });
});

describe("words, as both rooms read them", () => {
  // The build folds whole texts (foldedWords) and the Worker marks snippets word by word (wordsOf, then
  // foldWord): if they disagreed, a snippet would leave unmarked the very word that made it match.
  it("are folded the same way, whole or one at a time, whatever the text", () => {
    const oneByOne = (text: string) => [...wordsOf(text)].map(([word]) => foldWord(word)).filter((word) => word !== "");
    const odd = fc.constantFrom(
      "a",
      "Z",
      "é",
      "e\u0301",
      "\u0301",
      "'",
      "’",
      " ",
      "-",
      ".",
      "İ",
      "ß",
      "Σ",
      "ﬁ",
      "1",
      "🚀",
      "ש",
    );
    for (const text of [fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: odd, maxLength: 30 })])
      fc.assert(
        fc.property(text, (value) => {
          expect(foldedWords(value)).toEqual(oneByOne(value));
        }),
        { numRuns: 2000 },
      );
    expect(foldedWords("Ünïcödé don't re-index")).toEqual(["unicode", "dont", "re", "index"]);
  });
});
