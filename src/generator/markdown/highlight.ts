// Syntax highlighting at build time with highlight.js: classes, never inline styles (the CSP forbids
// them); a language it does not know is shown as escaped text.

import hljs from "highlight.js/lib/core";

const LANGUAGES = "bash css diff dockerfile go ini javascript json makefile markdown plaintext python rust shell sql";
for (const name of [...LANGUAGES.split(" "), "typescript", "xml", "yaml"]) {
  const { default: language } = (await import(
    `highlight.js/lib/languages/${name}`
  )) as typeof import("highlight.js/lib/languages/bash");
  hljs.registerLanguage(name, language);
}
// Names authors also write, beyond the aliases the language definitions declare themselves.
hljs.registerAliases(["toml"], { languageName: "ini" });
hljs.registerAliases(["text", "txt"], { languageName: "plaintext" });

interface HighlightedCode {
  readonly html: string;
  /** The language as the author named it, when highlight.js knows it; else null (only escaped). */
  readonly language: string | null;
}

export const highlightCode = (code: string, requested: string | undefined): HighlightedCode => {
  const language = requested !== undefined && hljs.getLanguage(requested) !== undefined ? requested : null;
  const { value } = hljs.highlight(code, { language: language ?? "plaintext", ignoreIllegals: true });
  return { html: value, language };
};
