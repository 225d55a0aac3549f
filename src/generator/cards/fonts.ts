// The cards' typefaces, from npm font packages (a build fetches nothing): Charis SIL, Charter's design,
// which the site's serif stack starts with, for the title; Source Sans 3 for the rest. Every subset a
// package ships is loaded, and its unicode.json says which characters that subset draws. satori takes
// one font per name, weight and style, so each subset is a font of its own name, listed in fallback order.

import { readFileSync } from "node:fs";
import { join } from "node:path";

/** What a piece of a card's text is set in: the title, or everything else. */
export type FontRole = "title" | "text";

export type FontFile = {
  /** The family and the subset: "Charis SIL latin-ext". */
  readonly name: string;
  readonly weight: 400 | 600 | 700;
  /** Relative to the project root. */
  readonly path: string;
};

const FAMILIES: Record<
  FontRole,
  { readonly family: string; readonly id: string; readonly weights: readonly FontFile["weight"][] }
> = {
  title: { family: "Charis SIL", id: "charis-sil", weights: [700] },
  text: { family: "Source Sans 3", id: "source-sans-3", weights: [400, 600] },
};

const packageDir = (id: string): string => join("node_modules", "@fontsource", id);

/** Each subset's unicode-range, as fontsource writes it: "U+0000-00FF,U+0131,…". */
const subsetsOf = (root: string, id: string): Record<string, string> =>
  JSON.parse(readFileSync(join(root, packageDir(id), "unicode.json"), "utf8")) as Record<string, string>;

/** Latin first, where nearly every character is; then the rest in a stable order. */
const FIRST = ["latin", "latin-ext"];
const rank = (subset: string): number => (FIRST.includes(subset) ? FIRST.indexOf(subset) : FIRST.length);
const bySubset = (a: string, b: string): number => rank(a) - rank(b) || (a < b ? -1 : 1);

const subsetNames = (root: string, role: FontRole): string[] =>
  Object.keys(subsetsOf(root, FAMILIES[role].id)).sort(bySubset);

/** The CSS font-family list of a role: its subsets' fonts, in fallback order. */
export const fontFamily = (root: string, role: FontRole): string =>
  subsetNames(root, role)
    .map((subset) => `"${FAMILIES[role].family} ${subset}"`)
    .join(", ");

/** Every font file the cards load (satori reads .woff, not .woff2), in a stable order. */
export const fontFiles = (root: string): FontFile[] =>
  (Object.keys(FAMILIES) as FontRole[]).flatMap((role) => {
    const { family, id, weights } = FAMILIES[role];
    return subsetNames(root, role).flatMap((subset) =>
      weights.map((weight) => ({
        name: `${family} ${subset}`,
        weight,
        path: join(packageDir(id), "files", `${id}-${subset}-${weight}-normal.woff`),
      })),
    );
  });

type Range = readonly [from: number, to: number];

const rangesOf = (root: string, role: FontRole): Range[] =>
  Object.values(subsetsOf(root, FAMILIES[role].id)).flatMap((list) =>
    list.split(",").map((range): Range => {
      const [from = "", to = from] = range.trim().replace(/^U\+/i, "").split("-");
      return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
    }),
  );

/**
 * Whether the fonts of `role` draw every character of `text`. A card never shows a box for a
 * character it cannot draw (an emoji, Hebrew, Arabic): the essay keeps the site's default card instead.
 */
export const coverage = (root: string): ((role: FontRole, text: string) => boolean) => {
  const ranges = { title: rangesOf(root, "title"), text: rangesOf(root, "text") };
  return (role, text) =>
    [...text].every((char) => {
      const point = char.codePointAt(0) ?? 0;
      return ranges[role].some(([from, to]) => point >= from && point <= to);
    });
};
