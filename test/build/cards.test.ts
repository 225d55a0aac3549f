// The build ↔ readers contract for social cards: every published essay (scheduled ones too) has a card in
// public/cards/, named by what it shows, drawn once; drafts never have one; and the check before every
// bundle says when the folder does not match the manifest.

import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SatoriNode } from "satori";
import { afterEach, describe, expect, it } from "vitest";
import { openPainter } from "../../src/generator/cards/picture.ts";
import { readPng } from "../../src/generator/cards/png.ts";
import { cardDesign, cardPath, cardValues } from "../../src/generator/cards/values.ts";
import { CARDS_DIR } from "../../src/generator/inputs.ts";
import { staleness } from "../../src/generator/manifest-module.ts";
import type { Manifest } from "../../src/manifest.ts";
import { copyProject, type ProjectCopy, ROOT } from "../support/project-copy.ts";
import { essay, tempPosts, type TempPosts } from "../support/temp-posts.ts";

let posts: TempPosts | undefined;
let copy: ProjectCopy | undefined;
afterEach(() => {
  posts?.remove();
  copy?.remove();
  [posts, copy] = [undefined, undefined];
});

const post = (title: string, extra: Record<string, string> = {}): string =>
  essay({ title: JSON.stringify(title), dek: '"What it cost"', summary: '"A summary."', ...extra });

const PUBLISHED = { "2026-01-05-one.md": post("The first card"), "2026-02-01-two.md": post("The second card") };
const SCHEDULED = { "2099-01-01-later.md": post("Not yet public") };
const DRAFT_TITLE = "A draft nobody may see";
const DRAFT = { "2026-03-01-draft.md": post(DRAFT_TITLE, { draft: "true" }) };

/** The card files on disk, by name, with their bytes. */
const cardsOn = (p: TempPosts): Map<string, Buffer> => {
  const dir = join(p.publicDir, CARDS_DIR);
  return new Map(existsSync(dir) ? readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]) : []);
};

const cardNames = (manifest: Manifest): string[] =>
  manifest.essays.flatMap((e) => (e.card === null ? [] : [e.card.slice(CARDS_DIR.length + 2)])).sort();

describe("social cards in public/cards/", () => {
  it("are one whole 1200×630 PNG per published essay, scheduled ones included, and none for a draft", async () => {
    posts = tempPosts({ ...PUBLISHED, ...SCHEDULED, ...DRAFT });
    const { manifest, drawn } = await posts.build();
    expect(manifest.essays.map((e) => e.slug).sort()).toEqual(["later", "one", "two"]);
    expect(drawn).toBe(3);
    expect([...cardsOn(posts).keys()].sort()).toEqual(cardNames(manifest));
    for (const { card, slug, title } of manifest.essays) {
      expect(card).toMatch(new RegExp(`^/${CARDS_DIR}/${slug}-[0-9a-f]{10}\\.png$`));
      const png = readPng(readFileSync(join(posts.publicDir, card ?? "")));
      expect(png).toMatchObject({ width: 1200, height: 630, text: { Title: title, Description: "What it cost" } });
    }
    expect(staleness(posts.options())).toBeNull();
  });

  it("never show a draft's title: not one never published, nor one an essay had before it went back to draft", async () => {
    posts = tempPosts({ ...PUBLISHED, ...DRAFT, "2026-02-10-back.md": post("Published, then withdrawn") });
    await posts.build();
    expect(cardsOn(posts).size).toBe(3);
    posts.write("2026-02-10-back.md", post("Published, then withdrawn", { draft: "true" }));
    const { manifest } = await posts.build();
    const shown = [...cardsOn(posts).values()].map((bytes) => readPng(bytes)?.text["Title"]);
    expect(shown.sort()).toEqual(["The first card", "The second card"]);
    // The text a card records is the text it draws: drawn again from the essay's values, the bytes are the same.
    const painter = openPainter(ROOT, posts.publicDir);
    for (const e of manifest.essays)
      expect(Buffer.from(await painter.png(cardValues(e)))).toEqual(readFileSync(join(posts.publicDir, e.card ?? "")));
  });

  it("are drawn once: a build with no essay changed draws none and leaves every file as it was", async () => {
    posts = tempPosts({ ...PUBLISHED, ...SCHEDULED });
    expect((await posts.build()).drawn).toBe(3);
    const before = cardsOn(posts);
    // The render cache gone too: a card's name, not the render cache, says it is drawn.
    rmSync(posts.cacheFile, { force: true });
    expect((await posts.build()).drawn).toBe(0);
    expect(cardsOn(posts)).toEqual(before);
  });

  it("get a new name when what they show changes: an edited title draws exactly one card, and the old one goes", async () => {
    posts = tempPosts(PUBLISHED);
    const first = await posts.build();
    const [oldOne, two] = [...cardsOn(posts).keys()].sort();
    posts.write("2026-01-05-one.md", post("The first card, retitled"));
    const second = await posts.build();
    expect(second.drawn).toBe(1);
    const names = [...cardsOn(posts).keys()].sort();
    expect(names).toEqual(cardNames(second.manifest));
    expect(names).toContain(two);
    expect(names).not.toContain(oldOne);
    expect(cardNames(first.manifest)).toContain(oldOne);
    // A change to the body alone shows nothing new on the card: same name, nothing drawn.
    posts.write("2026-01-05-one.md", post("The first card, retitled").replace("Some words", "Other words"));
    expect((await posts.build()).drawn).toBe(0);
  });

  it("are named by the design too: the card code, the site's mark", () => {
    copy = copyProject();
    const values = cardValues({ title: "A title", dek: "A dek", date: "2026-01-05" });
    const name = (root: string) => cardPath("a", values, cardDesign(root, join(root, "public")));
    const before = name(copy.dir);
    expect(name(ROOT)).toBe(before);
    appendFileSync(join(copy.dir, "public", "favicon.svg"), "\n");
    const markChanged = name(copy.dir);
    expect(markChanged).not.toBe(before);
    appendFileSync(join(copy.dir, "src", "generator", "cards", "picture.ts"), "\n// A new design.\n");
    expect(name(copy.dir)).not.toBe(markChanged);
  });

  it("stay as they were when a build fails", async () => {
    posts = tempPosts(PUBLISHED);
    await posts.build();
    const before = cardsOn(posts);
    posts.write("2026-01-05-one.md", post("A new title").replace("Some words", "[broken](/writing/nowhere)"));
    await expect(posts.build()).rejects.toThrow(/nowhere/);
    expect(cardsOn(posts)).toEqual(before);
  });

  it("are neither made nor touched by a preview build, whose essays keep the default card", async () => {
    posts = tempPosts({ ...PUBLISHED, ...DRAFT });
    await posts.build();
    const before = cardsOn(posts);
    const preview = await posts.build("preview");
    expect(preview.drawn).toBe(0);
    expect(preview.manifest.essays.map((e) => e.card)).toEqual([null, null, null]);
    expect(cardsOn(posts)).toEqual(before);
    expect(staleness(posts.options("preview"))).toBeNull();
  });

  it("fail the check when one the manifest names is missing or damaged, or when another file is there", async () => {
    posts = tempPosts(PUBLISHED);
    const { manifest } = await posts.build();
    const [name = ""] = cardNames(manifest);
    const file = join(posts.publicDir, CARDS_DIR, name);
    const bytes = readFileSync(file);

    rmSync(file);
    expect(staleness(posts.options())).toBe(
      `public/cards has no ${name}, which the manifest names: run \`npm run build\``,
    );
    const damaged = `public/cards/${name} is not a whole 1200×630 PNG: delete it and run \`npm run build\``;
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    expect(staleness(posts.options())).toBe(damaged);
    const [flipped, middle] = [Buffer.from(bytes), Math.floor(bytes.length / 2)];
    flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
    writeFileSync(file, flipped);
    expect(staleness(posts.options())).toBe(damaged);
    writeFileSync(file, bytes);
    expect(staleness(posts.options())).toBeNull();
    writeFileSync(join(posts.publicDir, CARDS_DIR, "draft-0123456789.png"), bytes);
    expect(staleness(posts.options())).toBe(
      "public/cards holds draft-0123456789.png, which the manifest does not name: run `npm run build`",
    );
    await posts.build();
    expect(staleness(posts.options())).toBeNull();
  });

  it("give an essay whose title has a character no card font draws (emoji, Hebrew) the default card, without failing", async () => {
    posts = tempPosts({ ...PUBLISHED, "2026-03-12-unicode.md": post("Ünïcödé 🚀 and שלום עולם") });
    const { manifest, drawn } = await posts.build();
    expect(drawn).toBe(2);
    expect(manifest.essays.find((e) => e.slug === "unicode")?.card).toBeNull();
    // What a card draws is what its fonts' subsets cover: Charis SIL has Latin and Cyrillic, Source Sans 3 Greek too.
    const draws = (title: string, dek: string) =>
      cardDesign(ROOT, posts?.publicDir ?? "").draws(cardValues({ title, dek, date: "2026-01-01" }));
    expect(draws("Ünïcödé and Кириллица", "Ελληνικά too")).toBe(true);
    expect(draws("Ελληνικά", "A dek")).toBe(false);
    expect(draws("Shipping", "with a 🚀")).toBe(false);
  });
});

describe("a card's picture", () => {
  it("keeps a title of any length, and a long dek, inside the card's margins", async () => {
    posts = tempPosts({});
    const painter = openPainter(ROOT, posts.publicDir);
    for (const title of ["Short", "A title of a usual length about a cache key", "Very long words ".repeat(40)]) {
      const nodes: SatoriNode[] = [];
      await painter.svg(
        cardValues({ title, dek: "A dek that goes on and on. ".repeat(20), date: "2026-01-05" }),
        (node) => nodes.push(node),
      );
      const texts = nodes.filter((node) => node.textContent !== undefined && node.textContent !== "");
      expect(texts.map((node) => node.textContent)).toContain(title);
      for (const node of nodes) {
        expect(node.left + node.width, node.textContent).toBeLessThanOrEqual(1200);
        expect(node.top + node.height, node.textContent).toBeLessThanOrEqual(630);
      }
      for (const node of texts) {
        expect(node.left, node.textContent).toBeGreaterThanOrEqual(96);
        expect(node.left + node.width, node.textContent).toBeLessThanOrEqual(1200 - 96);
        expect(node.top + node.height, node.textContent).toBeLessThanOrEqual(630 - 72);
      }
    }
  });
});
