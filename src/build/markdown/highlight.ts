// Syntax highlighting at build time with highlight.js: classes, never inline styles (the site's
// Content-Security-Policy forbids them), and no JavaScript in the page. Only the core and the
// languages below are loaded: measured faster than Shiki by a wide margin for the same corpus, and
// fast enough for the build-speed target. A language it does not know is shown as escaped text.

import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import go from "highlight.js/lib/languages/go";
import ini from "highlight.js/lib/languages/ini";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import makefile from "highlight.js/lib/languages/makefile";
import markdown from "highlight.js/lib/languages/markdown";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import shell from "highlight.js/lib/languages/shell";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

const LANGUAGES = { bash, css, diff, dockerfile, go, ini, javascript, json, makefile, markdown, plaintext, python, rust, shell, sql, typescript, xml, yaml };
for (const [name, definition] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, definition);
// Names authors also write, beyond the aliases the language definitions declare themselves.
hljs.registerAliases(["toml"], { languageName: "ini" });
hljs.registerAliases(["text", "txt"], { languageName: "plaintext" });

export interface HighlightedCode {
  readonly html: string;
  /** The language as the author named it, when highlight.js knows it; else null (only escaped). */
  readonly language: string | null;
}

export const highlightCode = (code: string, requested: string | undefined): HighlightedCode => {
  const language = requested !== undefined && hljs.getLanguage(requested) !== undefined ? requested : null;
  const { value } = hljs.highlight(code, { language: language ?? "plaintext", ignoreIllegals: true });
  return { html: value, language };
};
