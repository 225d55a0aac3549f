// What a result shows of an essay's text: the words around the first that matched, and every matched word
// marked. Words are folded as the index folds them (src/search.ts), so "Ünïcödé" is marked for "unicode".
//
// Folding every word of an essay to find the first match costs more than the rest of a search, so the
// match is found by the regular-expression engine instead: the matched words as written in any case, and
// then only the words with an apostrophe or a character beyond ASCII, folded one by one.

import { html } from "hono/html";
import { foldWord, wordsOf } from "../../search.ts";
import type { Html } from "../layout.ts";

/** Words a snippet shows around its first match: enough for a sentence or two. */
const SNIPPET_WORDS = 32;
/** Of those, how many come before the match, so that it is read in context. */
const LEAD_WORDS = 8;
/** Characters searched back for those words, and ahead for the rest: far more than they take. */
const LOOK_BACK = 200;
const LOOK_AHEAD = 1000;

type Span = { readonly start: number; readonly end: number; readonly matched: boolean };

/** The words of `text` from `offset`, with where they start and end in `text`, and whether they matched. */
const spansOf = (text: string, matched: ReadonlySet<string>, offset = 0): Span[] =>
  [...wordsOf(text)].map((word) => {
    const start = offset + (word.index ?? 0);
    return { start, end: start + word[0].length, matched: matched.has(foldWord(word[0])) };
  });

/** `text` from `from` to `to`, the matched words of `spans` wrapped in <mark>, everything escaped. */
const marked = (text: string, spans: readonly Span[], from: number, to: number): Html[] => {
  const parts: Html[] = [];
  let at = from;
  for (const { start, end, matched } of spans) {
    if (!matched || start < from || end > to) continue;
    parts.push(html`${text.slice(at, start)}<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(html`${text.slice(at, to)}`);
  return parts;
};

/** A short text (a title, a dek) with its matched words marked. */
export const markWords = (text: string, matched: ReadonlySet<string>): Html[] =>
  marked(text, spansOf(text, matched), 0, text.length);

const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}'’]";
const ONE_WORD_CHAR = new RegExp(`^${WORD_CHAR}$`, "u");
/** A word with an apostrophe, or a letter, digit or mark beyond ASCII: folding it may drop something. */
const UNUSUAL_WORD_RE = new RegExp(`${WORD_CHAR}*(?:(?![\\x00-\\x7f])[\\p{L}\\p{N}\\p{M}]|['’])${WORD_CHAR}*`, "gu");

/** Where in `text` the first word that folds to one of `matched` starts, or -1. */
const firstMatch = (text: string, matched: ReadonlySet<string>): number => {
  // A folded word is lowercase letters and digits; a plain word written so differs only in its capitals.
  const plain = new RegExp(`(?<!${WORD_CHAR})(?:${[...matched].join("|")})(?!${WORD_CHAR})`, "iu");
  const found = plain.exec(text)?.index ?? -1;
  for (const word of text.matchAll(UNUSUAL_WORD_RE)) {
    const start = word.index ?? 0;
    if (found !== -1 && start > found) break;
    if (matched.has(foldWord(word[0]))) return start;
  }
  return found;
};

/**
 * About SNIPPET_WORDS words of `text` around the first matched word, with "…" where it is cut; null when
 * no word matches (the essay matched by its title or tags alone).
 */
export const snippet = (text: string, matched: ReadonlySet<string>): Html[] | null => {
  const found = matched.size === 0 ? -1 : firstMatch(text, matched);
  if (found === -1) return null;
  const back = Math.max(0, found - LOOK_BACK);
  // A word the look back cut in two is left out.
  const split = back > 0 && ONE_WORD_CHAR.test(text.charAt(back - 1)) && ONE_WORD_CHAR.test(text.charAt(back));
  const before = spansOf(text.slice(back, found), matched, back)
    .slice(split ? 1 : 0)
    .slice(-LEAD_WORDS);
  const start = before[0]?.start ?? found;
  // Before the text's first word there is nothing to cut: its opening punctuation stays.
  const cut = /[\p{L}\p{N}]/u.test(text.slice(0, start));
  const from = cut ? start : 0;
  const spans = [...before, ...spansOf(text.slice(found, found + LOOK_AHEAD), matched, found)].slice(0, SNIPPET_WORDS);
  const last = spans[spans.length - 1]?.end ?? text.length;
  // Cut where words go on; where none do, the text's own end (and its last full stop) is kept.
  const more = /[\p{L}\p{N}]/u.test(text.slice(last));
  const to = more ? last : text.trimEnd().length;
  return [...(cut ? [html`… `] : []), ...marked(text, spans, from, to), ...(more ? [html` …`] : [])];
};
