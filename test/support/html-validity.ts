// html-validate, configured once for the site's served HTML: the recommended preset, every problem an
// error. A rule is only ever relaxed here, one at a time, with the reason next to it.

import { HtmlValidate, type ConfigData } from "html-validate";

const HTML_VALIDATE_CONFIG: ConfigData = {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // Kept, in the site's spelling: the layout writes `<!doctype html>`, lowercase like the HTML
    // standard's own examples (the keyword is case-insensitive). The rule still demands one form.
    "doctype-style": ["error", { style: "lowercase" }],
    // Off: the <title> is the author's essay title plus " · fmlops.dev", and its length is an
    // editorial choice the build does not limit (the escaping fixture's title is long on purpose).
    // It is advice for search snippets, not a markup error; Lighthouse's SEO audits cover those.
    "long-title": "off",
  },
};

const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);

/** Every problem html-validate finds in `html`, one line each: `name:line:column rule: message`. */
export const htmlProblems = async (html: string, name: string): Promise<string[]> => {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${name}:${message.line}:${message.column} ${message.ruleId}: ${message.message}${message.selector ? ` (${message.selector})` : ""}`,
    ),
  );
};
