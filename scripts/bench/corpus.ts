// A deterministic corpus of realistic essays for the benchmarks: the same seed gives the same
// files on every machine. Each essay has about 1,500 words over five `##` sections, a list, a
// blockquote, a TypeScript and a Bash block, inline code, links to two earlier essays, a footnote,
// and one to three of thirty tags. The words are drawn from a vocabulary of our own.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: a small, fast, seedable generator, plenty for text. */
const random = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const VOCABULARY = (
  "the a of to and in that is for it on with as by this be are was from at or an not which but have one two " +
  "file index cursor session writer reader handoff contract convention schema grammar hook audit marker hash " +
  "supervisor indexer manifest build worker deploy cache key body fetch response request header etag feed " +
  "directory memory fact line record entry state offset batch job nightly run rerun restart crash lock queue " +
  "absent present missing stale fresh empty full first second last next previous every each both neither " +
  "wrote read agreed assumed meant said checked failed passed broke surfaced noticed fixed wrote down " +
  "machine person team incident invoice minute hour night week month cost quietly loudly always never"
).split(" ");

const TAGS = Array.from({ length: 30 }, (_, i) => `topic-${String(i + 1).padStart(2, "0")}`);

export interface CorpusEssay {
  readonly slug: string;
  readonly date: string;
  readonly title: string;
  readonly dek: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** The Markdown body, without front matter. */
  readonly body: string;
}

/**
 * `vocabulary` words of prose instead of the small VOCABULARY: the VOCABULARY first, then made-up words,
 * drawn as natural text draws them (Zipf's law: the word of rank r about 1/r as often as the first), so
 * that a search index meets the tens of thousands of distinct words real essays have.
 */
const zipfWords = (size: number, next: () => number): (() => string) => {
  const syllables =
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu".split(
      " ",
    );
  const made = new Set(VOCABULARY);
  while (made.size < size)
    made.add(
      Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join(
        "",
      ),
    );
  const words = [...made];
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= words.length; rank++) cumulative.push((total += 1 / rank));
  return () => {
    const target = next() * total;
    let [low, high] = [0, cumulative.length - 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return words[low] as string;
  };
};

/** `count` essays from `seed`; `vocabulary` (a number of distinct words) makes their prose as varied as real prose. */
export const generateCorpus = (count: number, seed = 20261125, vocabulary?: number): CorpusEssay[] => {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const word = vocabulary === undefined ? () => pick(VOCABULARY) : zipfWords(vocabulary, random(seed + 1));
  const words = (n: number): string => Array.from({ length: n }, word).join(" ");
  const sentence = (): string => {
    const text = words(8 + Math.floor(next() * 14));
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 4 + Math.floor(next() * 4) }, sentence).join(" ");
  const start = Date.UTC(2012, 0, 1);

  const essays: CorpusEssay[] = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const slug = `essay-${String(i + 1).padStart(5, "0")}-${pick(VOCABULARY)}-${pick(VOCABULARY)}`.replace(
      /[^a-z0-9-]/g,
      "",
    );
    const earlier = (): string => {
      const target = essays[Math.floor(next() * essays.length)];
      return target ? `[${target.title.toLowerCase()}](/writing/${target.slug})` : "[the index](/writing/)";
    };
    const sections = Array.from({ length: 5 }, (_, s) => {
      const prose = Array.from({ length: 3 }, paragraph).join("\n\n");
      const extra = [
        `- ${sentence()}\n- ${sentence()} Use \`${pick(VOCABULARY)}.${pick(VOCABULARY)}()\` here.\n- ${sentence()}`,
        `> ${paragraph()}`,
        "```typescript\n" +
          `export const ${pick(VOCABULARY)}Key = (body: string): string => {\n  const ${pick(VOCABULARY)} = body.trim(); // ${words(5)}\n  return createHash("sha256").update(${JSON.stringify(pick(VOCABULARY))}).digest("hex");\n};\n` +
          "```",
        "```bash\n" +
          `set -euo pipefail\nfor f in ${pick(VOCABULARY)}/*.md; do\n  grep -q "^# ${pick(VOCABULARY)}" "$f" || echo "missing: $f"\ndone\n` +
          "```",
        `${paragraph()} See ${earlier()} and ${earlier()}.${s === 4 ? "[^note]" : ""}`,
      ][s];
      return `## ${sentence().slice(0, -1)}\n\n${prose}\n\n${extra}`;
    });
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TAGS)))];
    essays.push({
      slug,
      date,
      title: `Essay ${i + 1}: ${words(4)}`,
      dek: sentence(),
      summary: `${sentence()} ${sentence()}`,
      tags,
      body: `${paragraph()}\n\n${sections.join("\n\n")}\n\n[^note]: ${sentence()}\n`,
    });
  }
  return essays;
};

/** Writes the corpus as this site's posts: YYYY-MM-DD-slug.md with the site's front matter. */
export const writePosts = (dir: string, essays: readonly CorpusEssay[]): void => {
  mkdirSync(dir, { recursive: true });
  for (const essay of essays) {
    const front = [
      `title: ${JSON.stringify(essay.title)}`,
      `dek: ${JSON.stringify(essay.dek)}`,
      `summary: ${JSON.stringify(essay.summary)}`,
      `tags: [${essay.tags.join(", ")}]`,
    ];
    writeFileSync(join(dir, `${essay.date}-${essay.slug}.md`), `---\n${front.join("\n")}\n---\n${essay.body}`);
  }
};

/** Puts `word` first in the body of a post written above (ours or Hugo's): the smallest edit an author makes. */
export const insertWord = (file: string, word: string): void => {
  const text = readFileSync(file, "utf8");
  const body = text.indexOf("\n---\n", 4) + 5;
  if (body < 5) throw new Error(`${file} has no front matter to edit after`);
  writeFileSync(file, `${text.slice(0, body)}${word} ${text.slice(body)}`);
};
