// Searching the index the build wrote (src/search.ts): the table once per isolate, and a shard the first
// time a word needs it. A word of the query matches an indexed word exactly, as its beginning (from
// PREFIX_MIN letters), or with a typo or two (from FUZZY_MIN letters; the first two letters, which name the
// shard, must be right). An essay is found when every word of the query matches one of its words.

import { distance } from "fastest-levenshtein";
import { type SearchShard, type SearchTable, shardKey } from "../../search.ts";

const PREFIX_MIN = 3;
const FUZZY_MIN = 5;
/** From this length, two typos are forgiven, below it one. */
const TWO_TYPOS_MIN = 9;
/** What a match is worth against an exact one: a completed word is likely meant, a corrected one less so. */
const PREFIX_WEIGHT = 0.6;
const TYPO_WEIGHT = [1, 0.5, 0.3] as const;
const MAX_EXPANSIONS = 30;

/** How the engine reads a file of the index by path; the app caches what it may. */
export type ReadIndexFile = (path: string) => Promise<unknown>;

/** Essays (positions in Manifest.essays) with their scores, and every indexed word that matched. */
export type Found = { readonly scores: ReadonlyMap<number, number>; readonly matched: ReadonlySet<string> };

/** The first index in the sorted `words` not before `word`. */
const lowerBound = (words: readonly string[], word: string): number => {
  let [low, high] = [0, words.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] as string) < word) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * The shard's words that `word` matches, each with what it is worth (1 for the word itself). Of its
 * completions and of its corrections, only the MAX_EXPANSIONS most common are kept (the likelier meant),
 * so that a short prefix such as "con" costs a search about what a whole word does.
 */
const matchesIn = (shard: SearchShard, word: string): Map<number, number> => {
  const { words, postings } = shard;
  const commonest = (indices: number[]): number[] =>
    indices.sort((a, b) => (postings[b]?.length ?? 0) - (postings[a]?.length ?? 0)).slice(0, MAX_EXPANSIONS);
  const at = lowerBound(words, word);
  const found = new Map<number, number>(words[at] === word ? [[at, 1]] : []);
  if (word.length >= PREFIX_MIN) {
    const completions: number[] = [];
    for (let i = at; i < words.length && (words[i] as string).startsWith(word); i++)
      if (i !== at || words[i] !== word) completions.push(i);
    for (const i of commonest(completions)) found.set(i, PREFIX_WEIGHT);
  }
  if (word.length >= FUZZY_MIN) {
    const typos = word.length >= TWO_TYPOS_MIN ? 2 : 1;
    const key = shardKey(word);
    const corrections: number[] = [];
    const edits = new Map<number, number>();
    for (let i = lowerBound(words, key); i < words.length && (words[i] as string).startsWith(key); i++) {
      const other = words[i] as string;
      if (found.has(i) || Math.abs(other.length - word.length) > typos) continue;
      const made = distance(word, other);
      if (made > 0 && made <= typos) {
        corrections.push(i);
        edits.set(i, made);
      }
    }
    for (const i of commonest(corrections)) found.set(i, TYPO_WEIGHT[edits.get(i) ?? 0] ?? 0);
  }
  return found;
};

/** The essays `word` matches in its shard, each scored by its best match; `documents` is the index's count, for rarity. */
const scoreWord = (shard: SearchShard, word: string, documents: number, matched: Set<string>): Map<number, number> => {
  const scores = new Map<number, number>();
  for (const [index, worth] of matchesIn(shard, word)) {
    matched.add(shard.words[index] as string);
    const postings = shard.postings[index] ?? [];
    const count = postings.length / 2;
    // BM25's rarity: a word few essays have tells more about each of them.
    const rarity = Math.log(1 + (documents - count + 0.5) / (count + 0.5));
    let essay = 0;
    for (let i = 0; i < postings.length; i += 2) {
      essay += postings[i] as number;
      const score = (worth * rarity * (postings[i + 1] as number)) / 100;
      if (score > (scores.get(essay) ?? 0)) scores.set(essay, score);
    }
  }
  return scores;
};

/** The essays every word of `words` (folded and searchable: see src/search.ts) matches. */
export const search = async (tablePath: string, words: readonly string[], read: ReadIndexFile): Promise<Found> => {
  const table = (await read(tablePath)) as SearchTable;
  const matched = new Set<string>();
  let scores: Map<number, number> | null = null;
  for (const word of words) {
    const path = table.shards[shardKey(word)];
    const shard: SearchShard = path === undefined ? { words: [], postings: [] } : ((await read(path)) as SearchShard);
    const own = scoreWord(shard, word, table.documents, matched);
    if (scores === null) scores = own;
    else
      for (const [essay, score] of scores) {
        const more = own.get(essay);
        if (more === undefined) scores.delete(essay);
        else scores.set(essay, score + more);
      }
  }
  return { scores: scores ?? new Map(), matched };
};
