// What an essay's social card shows, and its name: /cards/<slug>-<10 hex>, the hex a hash of the values
// shown and of the design (this folder's code, the fonts' bytes, the renderers' versions, the site's
// mark). The cards are served as immutable, so a name never changes what it shows; an unchanged essay
// keeps its name, and its file on disk is never drawn again.

import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { longDate, SITE } from "../../site.ts";
import { CARDS_DIR, filesUnder, hashOf, sha256 } from "../inputs.ts";
import { coverage, fontFiles } from "./fonts.ts";

export type CardValues = {
  readonly title: string;
  readonly dek: string;
  readonly site: string;
  /** As pages show it: "5 January 2026". */
  readonly date: string;
};

/** Every input of a card's picture but its values, hashed once per build; and which values it can draw. */
export type CardDesign = { readonly hash: string; readonly draws: (values: CardValues) => boolean };

/** The libraries that turn values into pixels, by version. */
const RENDERERS = ["satori", "@resvg/resvg-js"];

const HASH_LENGTH = 10;

const versionOf = (root: string, name: string): string =>
  (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

export const cardDesign = (root: string, publicDir: string): CardDesign => {
  const code = filesUnder(join(root, "src", "generator", "cards"));
  const hash = hashOf([
    ...code.map((file) => [relative(root, file), readFileSync(file)] as const),
    ...fontFiles(root).map(({ path }) => [path, readFileSync(join(root, path))] as const),
    ...RENDERERS.map((name) => [name, versionOf(root, name)] as const),
    ["mark", readFileSync(join(publicDir, SITE.favicon))],
  ]);
  const covers = coverage(root);
  return {
    hash,
    draws: ({ title, dek, site, date }) => covers("title", title) && covers("text", `${dek}${site}${date}`),
  };
};

export const cardValues = (essay: {
  readonly title: string;
  readonly dek: string;
  readonly date: string;
}): CardValues => ({
  title: essay.title,
  dek: essay.dek,
  site: SITE.name,
  date: longDate(essay.date),
});

/** The card's path in the static assets, or null when its text holds a character the fonts cannot draw. */
export const cardPath = (slug: string, values: CardValues, design: CardDesign): string | null =>
  design.draws(values)
    ? `/${CARDS_DIR}/${slug}-${sha256(design.hash, JSON.stringify(values)).slice(0, HASH_LENGTH)}.png`
    : null;
