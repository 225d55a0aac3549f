// public/cards/, the essays' social cards and their only cache: a card's name says everything it shows
// (values.ts), so one on disk is never drawn again. Missing cards are drawn after every check has
// passed, before the manifest that names them; cards no manifest names go after it. Production only:
// the preview names no card and leaves this folder as it is.

import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { BuildMode } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { CARDS_DIR, filesUnder } from "../inputs.ts";
import { writeAtomicAsync } from "../write-atomic.ts";
import { readPng } from "./png.ts";
import type { CardValues } from "./values.ts";

/**
 * Cards drawn at once. resvg rasterises one card on libuv's threads while satori lays out the next on
 * the main thread, so two keep two cores busy; more only queue.
 */
const CONCURRENCY = 2;

/** Every file in public/cards/, as the paths pages name them by. */
const cardFiles = (publicDir: string): string[] => {
  const dir = join(publicDir, CARDS_DIR);
  return existsSync(dir) ? filesUnder(dir).map((file) => `/${CARDS_DIR}${file.slice(dir.length)}`) : [];
};

/** Draws the cards that are not on disk; returns how many it drew. */
export const writeCards = async (
  root: string,
  publicDir: string,
  cards: ReadonlyMap<string, CardValues>,
): Promise<number> => {
  const missing = [...cards].filter(([path]) => !existsSync(join(publicDir, path)));
  if (missing.length === 0) return 0;
  // satori and resvg are loaded only when a card is missing: an unchanged site's build never pays for them.
  const { openPainter } = await import("./picture.ts");
  const painter = openPainter(root, publicDir);
  mkdirSync(join(publicDir, CARDS_DIR), { recursive: true });
  const queue = missing.values();
  const drawn: string[] = [];
  const errors: unknown[] = [];
  const drawNext = async (): Promise<void> => {
    for (const [path, values] of queue) {
      if (errors.length > 0) return;
      try {
        await writeAtomicAsync(join(publicDir, path), await painter.png(values));
        drawn.push(path);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, missing.length) }, drawNext));
  // A build that fails leaves public/cards/ as it was: its check allows no card the manifest does not name.
  if (errors.length > 0) {
    for (const path of drawn) rmSync(join(publicDir, path), { force: true });
    throw errors[0];
  }
  return missing.length;
};

/** Removes every card the manifest just written does not name (an edited title's old card, a draft's). */
export const removeStaleCards = (publicDir: string, cards: ReadonlyMap<string, CardValues>): void => {
  for (const path of cardFiles(publicDir))
    if (!cards.has(path) && !path.endsWith(".tmp")) rmSync(join(publicDir, path), { force: true });
};

const CARD_RE = new RegExp(`"card":"(/${CARDS_DIR}/[^"]+)"`, "g");

/**
 * Why the cards do not match the manifest module's text, or null; `rebuild` is the command that fixes it.
 * In production every card the module names is a whole PNG of the card's size, and public/cards/ holds
 * nothing else: a stray card could show a draft's title, and a deploy would upload it. The preview
 * names none and checks none.
 */
export const cardsStaleness = (
  publicDir: string,
  mode: BuildMode,
  moduleText: string,
  rebuild: string,
): string | null => {
  if (mode === "preview") return null;
  const where = `public/${CARDS_DIR}`;
  const { width, height } = SITE.socialImage;
  const named = new Set([...moduleText.matchAll(CARD_RE)].map(([, path = ""]) => path));
  for (const path of named) {
    const file = join(publicDir, path);
    const name = path.slice(CARDS_DIR.length + 2);
    if (!existsSync(file)) return `${where} has no ${name}, which the manifest names: run \`${rebuild}\``;
    const png = readPng(readFileSync(file));
    // The build draws only missing cards: a damaged one must go first.
    if (png === null || png.width !== width || png.height !== height)
      return `${where}/${name} is not a whole ${width}×${height} PNG: delete it and run \`${rebuild}\``;
  }
  const stray = cardFiles(publicDir).find((path) => !named.has(path));
  const name = stray?.slice(CARDS_DIR.length + 2);
  return name === undefined ? null : `${where} holds ${name}, which the manifest does not name: run \`${rebuild}\``;
};
