// The search index's contract: what the build writes and the Worker reads back. Both rooms split and
// fold words with these functions, or a query would never meet the words an essay was indexed under.
//
// The index lives with the bodies in the Worker's private static assets, split by the first two letters
// of each word into shards, so that a search reads a table and one shard per word it asks for, never the
// whole index. (A shard holds every essay that has its words, so a common pair of letters' shard still
// grows with the number of essays.)

import { BODIES_DIR, type BuildMode } from "./manifest.ts";

/** Which shard holds each word, and how many essays the index counts (for rarity: see the Worker's scoring). */
export type SearchTable = {
  readonly documents: number;
  /** The first two letters of a word -> its shard's path. */
  readonly shards: Readonly<Record<string, string>>;
};

/**
 * The words of one shard, sorted, and for each its postings: pairs of (essay's position in
 * Manifest.essays, minus the previous pair's) and (how well the word describes that essay, in hundredths).
 */
export type SearchShard = { readonly words: readonly string[]; readonly postings: readonly (readonly number[])[] };

const SEARCH_DIR = `/${BODIES_DIR}/search`;

/**
 * Where the build puts the table and each shard. Production's files are named by the sha256 of their bytes,
 * like its bodies; the preview's by what they are (the table "index", the shards numbered in order), rewritten
 * in place on every save.
 */
export const searchPath = (mode: BuildMode, hash: string, previewName: string): string =>
  mode === "production" ? `${SEARCH_DIR}/${hash}.json` : `${SEARCH_DIR}/preview/${previewName}.json`;

/** A word: letters, digits and their accents, apostrophes inside ("don't"); split at hyphens and dots. */
const WORD_RE = /[\p{L}\p{N}\p{M}'’]+/gu;

/** The words of a text, as written, each with where it starts: snippets mark them in place. */
export const wordsOf = (text: string): IterableIterator<RegExpMatchArray> => text.matchAll(WORD_RE);

const MARKS_RE = /[\p{M}'’]/gu;

// Lower case, one sigma: JavaScript lowers a Greek capital sigma by its place in the text, so a word alone
// and the same word in a sentence could otherwise fold apart.
const lower = (text: string): string => text.toLowerCase().replaceAll("ς", "σ");

const ASCII_RE = /^[\x20-\x7e]*$/;

/** A word as the index holds it: lower case, accents and apostrophes dropped ("Ünïcödé" -> "unicode"). */
export const foldWord = (word: string): string =>
  // Most words are plain ASCII, which has nothing to normalise: a snippet folds hundreds of them.
  ASCII_RE.test(word) ? word.toLowerCase().replaceAll("'", "") : lower(word.normalize("NFD").replace(MARKS_RE, ""));

/**
 * The folded words of a text, as foldWord would fold each of wordsOf's: the text is folded whole, which is
 * what makes indexing 10,000 essays (15 million words) affordable.
 */
export const foldedWords = (text: string): string[] =>
  lower(text.normalize("NFD").replace(MARKS_RE, ""))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");

/** Words too common to tell essays apart, and too short to search for: never indexed, dropped from queries. */
export const isSearchable = (folded: string): boolean =>
  (folded.length > 2 || (folded.length === 2 && (folded.codePointAt(0) as number) <= 0xffff)) &&
  !STOP_WORDS.has(folded);

const STOP_WORDS: ReadonlySet<string> = new Set(
  "an and are as at be but by for from had has have he her his if in is it its of on or our she so than that the their them then there these they this to was we were what when which who will with you your".split(
    " ",
  ),
);

/** The shard a folded word belongs to: its first two letters (code points, not UTF-16 units). */
export const shardKey = (folded: string): string => [...folded].slice(0, 2).join("");
