// /llms.txt (llmstxt.org): the site for programs, as Markdown: what it is, then every essay with its
// summary and a link to its original Markdown.

import { SITE } from "../../site.ts";
import { absoluteUrl, PATHS } from "../../urls.ts";
import type { View } from "../epoch.ts";

/** Markdown link text cannot hold an unescaped "[" or "]". */
const linkText = (text: string): string => text.replace(/[[\]\\]/g, (c) => `\\${c}`);

export const llmsTxt = ({ manifest, epoch }: View): string =>
  [
    `# ${SITE.name}`,
    "",
    `> ${SITE.description}`,
    "",
    SITE.introduction,
    "",
    "Every essay is also served as its original Markdown at its URL plus `.md`. Feeds: " +
      `${absoluteUrl(PATHS.feed("atom"))} (Atom), ${absoluteUrl(PATHS.feed("rss"))} (RSS), ${absoluteUrl(PATHS.feed("json"))} (JSON Feed).`,
    "",
    "## Essays",
    "",
    ...epoch.essays.map(
      (essay) => `- [${linkText(essay.title)}](${absoluteUrl(PATHS.essayMarkdown(essay.slug))}): ${essay.summary}`,
    ),
    "",
    "## Pages",
    "",
    ...manifest.pages.map(
      (page) =>
        `- [${linkText(page.title)}](${absoluteUrl(PATHS.page(page.slug))})${page.summary === null ? "" : `: ${page.summary}`}`,
    ),
    "",
  ].join("\n");
