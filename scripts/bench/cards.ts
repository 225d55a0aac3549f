// Section 7: the social cards' cost per essay, measured on the build's own card stage (writeCards) for the
// seeded corpus. Cold: public/cards/ empty, every card drawn (satori and resvg loaded once, included).
// Cached: no essay changed, so every card is on disk and none may be drawn: the cost is the existence checks.

import { copyFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCards } from "../../src/generator/cards/folder.ts";
import { cardDesign, cardPath, type CardValues, cardValues } from "../../src/generator/cards/values.ts";
import { CARDS_DIR } from "../../src/generator/inputs.ts";
import { SITE } from "../../src/site.ts";
import { generateCorpus } from "./corpus.ts";
import type { Section } from "./report.ts";
import { fixed, kib, median, table, tempDir } from "./util.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const timed = async (body: () => Promise<number>): Promise<{ ms: number; drawn: number }> => {
  const started = performance.now();
  const drawn = await body();
  return { ms: performance.now() - started, drawn };
};

export const measureCards = async (n: number, rounds: number): Promise<Section> => {
  const scratch = tempDir("fmlops-cards-");
  try {
    const cards = new Map<string, CardValues>();
    const colds: number[] = [];
    const cached: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // A fresh public/ each round: the cards' folder starts empty, as on a machine with no card cache.
      const publicDir = join(scratch.dir, `public-${round}`);
      mkdirSync(publicDir);
      copyFileSync(join(ROOT, "public", SITE.favicon), join(publicDir, SITE.favicon));
      const design = cardDesign(ROOT, publicDir);
      cards.clear();
      for (const essay of generateCorpus(n)) {
        const values = cardValues(essay);
        const path = cardPath(essay.slug, values, design);
        if (path !== null) cards.set(path, values);
      }
      const cold = await timed(() => writeCards(ROOT, publicDir, cards));
      const again = await timed(() => writeCards(ROOT, publicDir, cards));
      if (cold.drawn !== cards.size || again.drawn !== 0)
        throw new Error(`cards drawn: ${cold.drawn} cold (expected ${cards.size}), ${again.drawn} cached (expected 0)`);
      colds.push(cold.ms);
      cached.push(again.ms);
    }
    const dir = join(scratch.dir, "public-0", CARDS_DIR);
    const sizes = readdirSync(dir).map((name) => statSync(join(dir, name)).size);
    const perCard = (ms: number): number => ms / cards.size;
    return {
      body: [
        table(
          "N | rounds | cold: ms per card | cold: all (s) | cached: ms per card | cached: cards drawn | PNG size, median (KiB) | largest (KiB)",
          [
            [
              `${n}`,
              `${rounds}`,
              fixed(perCard(median(colds)), 1),
              fixed(median(colds) / 1000),
              fixed(perCard(median(cached)), 3),
              "0",
              fixed(kib(median(sizes)), 1),
              fixed(kib(Math.max(...sizes)), 1),
            ],
          ],
        ),
        `The build's card stage alone (writeCards), in process, median of the rounds. Cold starts with an empty public/cards/ and includes loading satori and resvg once; cached is the next build with no essay changed, which draws none. The other sections' builds keep public/cards/ as the previous build left it (CI keeps it in actions/cache): their cold builds draw no card, as Hugo makes none.`,
      ].join("\n\n"),
      targets: [],
    };
  } finally {
    scratch.remove();
  }
};
