// The search index (its shape is src/search.ts): every listed essay's words, each with how well it
// describes the essay, grouped into shards by their first two letters. Scheduled essays are indexed
// too; the Worker shows a result only once it is public.

import type { Body, BuildMode, Essay } from "../manifest.ts";
import { foldedWords, isSearchable, type SearchShard, type SearchTable, searchPath, shardKey } from "../search.ts";
import { sha256 } from "./inputs.ts";

type Indexed = Pick<Essay, "title" | "dek" | "summary" | "tags"> & Pick<Body, "text">;

/**
 * What a word in each field is worth, and the field's usual length in words. BM25 (k1 = 1.2, b = 0.75)
 * weighs repeats and long fields down against that usual length rather than the corpus's average: a
 * word's score in an essay then depends on that essay alone, and the index is built in one pass.
 */
const FIELDS: Record<keyof Indexed, { readonly weight: number; readonly length: number }> = {
  title: { weight: 6, length: 8 },
  tags: { weight: 4, length: 3 },
  dek: { weight: 3, length: 20 },
  summary: { weight: 2, length: 50 },
  text: { weight: 1, length: 1500 },
};
/** A shard's size in characters, about: small enough to parse in well under a millisecond. */
const SHARD_BYTES = 64 * 1024;
const K1 = 1.2;
const B = 0.75;

/** An essay's searchable words with their score in hundredths. */
const scoresOf = (essay: Indexed): Map<string, number> => {
  const scores = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const field of Object.keys(FIELDS) as (keyof Indexed)[]) {
    const value = field === "tags" ? essay.tags.join(" ") : essay[field];
    counts.clear();
    const words = foldedWords(value);
    for (const word of words) if (isSearchable(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const length = words.length;
    const { weight, length: usual } = FIELDS[field];
    const norm = K1 * (1 - B + (B * length) / usual);
    for (const [word, count] of counts)
      scores.set(word, (scores.get(word) ?? 0) + (weight * count * (K1 + 1)) / (count + norm));
  }
  return scores;
};

export type BuiltIndex = { readonly table: string; readonly files: ReadonlyMap<string, string> };

/** The index of `essays` (as Manifest.essays lists them), `bodyOf` giving each one's body: its table's path, and every file by path. */
export const searchIndex = (mode: BuildMode, essays: readonly Essay[], bodyOf: (essay: Essay) => Body): BuiltIndex => {
  const postings = new Map<string, number[]>();
  essays.forEach((essay, position) => {
    for (const [word, score] of scoresOf({ ...essay, text: bodyOf(essay).text })) {
      const hundredths = Math.max(1, Math.round(score * 100));
      const list = postings.get(word);
      if (list === undefined) postings.set(word, [position, hundredths]);
      else list.push(position, hundredths);
    }
  });
  // Words grouped by key, and keys (in order) into files of about SHARD_BYTES: a search reads one file
  // per word it asks for, and neither thousands of tiny files nor one huge one.
  const files = new Map<string, string>();
  const table: Record<string, string> = {};
  let words: string[] = [];
  let keys: string[] = [];
  let bytes = 0;
  const close = (): void => {
    if (words.length === 0) return;
    const shard: SearchShard = { words, postings: words.map((word) => deltas(postings.get(word) ?? [])) };
    const text = JSON.stringify(shard);
    const path = searchPath(mode, sha256(text), String(files.size));
    for (const key of keys) table[key] = path;
    files.set(path, text);
    [words, keys, bytes] = [[], [], 0];
  };
  for (const word of [...postings.keys()].sort()) {
    const key = shardKey(word);
    if (key !== keys[keys.length - 1]) {
      if (bytes >= SHARD_BYTES) close();
      keys.push(key);
    }
    words.push(word);
    // Roughly what the word adds to the file's text: the word, and a few characters a posting.
    bytes += word.length + 3 * (postings.get(word)?.length ?? 0);
  }
  close();
  const text = JSON.stringify({ documents: essays.length, shards: table } satisfies SearchTable);
  const path = searchPath(mode, sha256(text), "index");
  files.set(path, text);
  return { table: path, files };
};

/** Positions as differences from the one before: most are small numbers, and the shard is JSON. */
const deltas = (pairs: readonly number[]): number[] =>
  pairs.map((value, i) => (i % 2 === 0 && i > 0 ? value - (pairs[i - 2] as number) : value));
