// What a card looks like, and how it is drawn: a tree of boxes laid out by satori into an SVG whose
// text is paths (so no renderer needs the fonts), then rasterised by resvg into a PNG that carries the
// text it shows. Loaded only when a card is missing: nothing of it runs in a build that renders none.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import satori, { type SatoriNode } from "satori";
import { SITE } from "../../site.ts";
import { fontFamily, fontFiles } from "./fonts.ts";
import { withText } from "./png.ts";
import type { CardValues } from "./values.ts";

export const CARD_SIZE = { width: SITE.socialImage.width, height: SITE.socialImage.height } as const;

/** public/style.css's light palette: a card sits on white timelines and previews. */
const COLOUR = {
  bg: "#fbfaf7",
  fg: "#1c1b19",
  soft: "#3d3a35",
  muted: "#5e5a53",
  rule: "#e2ddd3",
  amber: "#b7791f",
} as const;

const PADDING = { x: 96, y: 72 };

/** The title's size by its length: a short title is set large; any title wraps within three lines. */
const TITLE_SIZES: readonly (readonly [maxChars: number, px: number])[] = [
  [28, 84],
  [56, 72],
  [90, 60],
  [Number.POSITIVE_INFINITY, 52],
];
const TITLE_LINES = 3;
/**
 * Up to this length a title is balanced, as the site's headings are (lines of even length, no last word
 * alone); a longer one may be cut after three lines, and satori balances it before cutting, too narrow.
 */
const BALANCED_UP_TO = 90;
const DEK_LINES = 2;

type Style = Readonly<Record<string, string | number>>;
type Box = { readonly type: string; readonly props: Readonly<Record<string, unknown>> };

const box = (style: Style, ...children: (Box | string)[]): Box => ({
  type: "div",
  props: { style: { display: "flex", ...style }, children },
});

/** Text that wraps, cut with an ellipsis after `lines`: it never leaves its box, however long. */
const text = (style: Style, lines: number, content: string): Box => ({
  type: "div",
  props: { style: { display: "block", lineClamp: lines, overflow: "hidden", ...style }, children: content },
});

type Fonts = { readonly title: string; readonly text: string };

const layout = ({ title, dek, site, date }: CardValues, mark: string, family: Fonts): Box => {
  const length = [...title].length;
  const [, titleSize = 52] = TITLE_SIZES.find(([most]) => length <= most) ?? [];
  const width = CARD_SIZE.width - 2 * PADDING.x;
  return box(
    {
      ...CARD_SIZE,
      boxSizing: "border-box",
      flexDirection: "column",
      justifyContent: "space-between",
      padding: `${PADDING.y}px ${PADDING.x}px`,
      backgroundColor: COLOUR.bg,
      fontFamily: family.text,
      borderTop: `12px solid ${COLOUR.amber}`,
    },
    box(
      { alignItems: "center", gap: 18, fontSize: 30, fontWeight: 600, color: COLOUR.fg },
      { type: "img", props: { src: mark, width: 48, height: 48 } },
      site,
    ),
    box(
      { flexDirection: "column", width },
      text(
        {
          fontFamily: family.title,
          fontWeight: 700,
          fontSize: titleSize,
          lineHeight: 1.12,
          color: COLOUR.fg,
          letterSpacing: "-0.01em",
          textWrap: length <= BALANCED_UP_TO ? "balance" : "wrap",
        },
        TITLE_LINES,
        title,
      ),
      box({ width: 120, height: 5, backgroundColor: COLOUR.amber, margin: "30px 0 26px" }),
      text({ fontSize: 34, lineHeight: 1.32, color: COLOUR.soft }, DEK_LINES, dek),
    ),
    box({ width, paddingTop: 20, borderTop: `2px solid ${COLOUR.rule}`, fontSize: 26, color: COLOUR.muted }, date),
  );
};

export interface Painter {
  /** The card as satori lays it out; `onNode` sees every box with its place, which tests check. */
  readonly svg: (values: CardValues, onNode?: (node: SatoriNode) => void) => Promise<string>;
  /** The card as PNG bytes, with its title and dek as text chunks. */
  readonly png: (values: CardValues) => Promise<Uint8Array>;
}

/** Reads the fonts and the site's mark once, for every card of a build. */
export const openPainter = (root: string, publicDir: string): Painter => {
  // One array for every card: satori keeps the fonts it parsed by this array's identity.
  const fonts = fontFiles(root).map(({ name, weight, path }) => ({
    name,
    weight,
    style: "normal" as const,
    data: readFileSync(join(root, path)),
  }));
  const family = { title: fontFamily(root, "title"), text: fontFamily(root, "text") };
  const mark = `data:image/svg+xml;base64,${readFileSync(join(publicDir, SITE.favicon)).toString("base64")}`;
  const svg: Painter["svg"] = (values, onNode) =>
    satori(layout(values, mark, family), {
      ...CARD_SIZE,
      fonts,
      // A character no font draws shows the font's empty box; values.ts keeps such text off cards.
      loadAdditionalAsset: async () => [],
      ...(onNode ? { onNodeDetected: onNode } : {}),
    });
  return {
    svg,
    png: async (values) => {
      // resvg rasterises on libuv's threads, so the next card's layout runs beside it. The SVG's text
      // is paths: system fonts are never read, and the picture is the same on every machine.
      const image = await renderAsync(await svg(values), {
        font: { loadSystemFonts: false },
        fitTo: { mode: "original" },
      });
      return withText(image.asPng(), { Title: values.title, Description: values.dek });
    },
  };
};
