// What a result shows of an essay's text: the words around the first that matched, and every matched word
// marked. Words are folded as the index folds them (src/search.ts), so "Ünïcödé" is marked for "unicode".

import { html } from "hono/html";
import { foldWord, wordsOf } from "../../search.ts";
import type { Html } from "../layout.ts";

/** Words a snippet shows around its first match: enough for a sentence or two. */
const SNIPPET_WORDS = 32;
/** Of those, how many come before the match, so that it is read in context. */
const LEAD_WORDS = 8;

type Span = { readonly start: number; readonly end: number; readonly matched: boolean };

/** `text` with the words `matches` accepts wrapped in <mark>, everything escaped. */
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
export const markWords = (text: string, matches: (folded: string) => boolean): Html[] => {
  const spans = [...wordsOf(text)].map((word): Span => {
    const start = word.index ?? 0;
    return { start, end: start + word[0].length, matched: matches(foldWord(word[0])) };
  });
  return marked(text, spans, 0, text.length);
};

/**
 * About SNIPPET_WORDS words of `text` around the first matched word, with "…" where it is cut; null when
 * no word matches (the essay matched by its title or tags alone).
 */
export const snippet = (text: string, matches: (folded: string) => boolean): Html[] | null => {
  const spans: Span[] = [];
  let found = false;
  let cut = false;
  for (const word of wordsOf(text)) {
    const start = word.index ?? 0;
    const matched = matches(foldWord(word[0]));
    found ||= matched;
    spans.push({ start, end: start + word[0].length, matched });
    // The rest of a long essay is never read: the window ends SNIPPET_WORDS words after it starts.
    if (found && spans.length >= SNIPPET_WORDS) break;
    if (!found && spans.length > LEAD_WORDS) {
      spans.shift();
      cut = true;
    }
  }
  const [head, tail] = [spans[0], spans[spans.length - 1]];
  if (!found || head === undefined || tail === undefined) return null;
  const from = cut ? head.start : 0;
  return [
    ...(cut ? [html`…`] : []),
    ...marked(text, spans, from, tail.end),
    ...(tail.end < text.trimEnd().length ? [html`…`] : []),
  ];
};
