// /llms.txt (llmstxt.org): the site for programs, in Markdown, every essay linked to its source.

import { SITE } from "../../site.ts";
import { absoluteUrl, FEED_FORMATS, FEEDS, PATHS } from "../../urls.ts";
import type { View } from "../epoch.ts";

/** Markdown link text cannot hold an unescaped "[" or "]". */
const linkText = (text: string): string => text.replace(/[[\]\\]/g, (c) => `\\${c}`);

export const llmsTxt = ({ manifest, epoch }: View): string => {
  const feeds = FEED_FORMATS.map((format) => `${absoluteUrl(PATHS.feed(format))} (${FEEDS[format].label})`).join(", ");
  const essays = epoch.essays.map(
    (essay) => `- [${linkText(essay.title)}](${absoluteUrl(PATHS.essayMarkdown(essay.slug))}): ${essay.summary}\n`,
  );
  const pages = manifest.pages.map(
    (page) =>
      `- [${linkText(page.title)}](${absoluteUrl(PATHS.page(page.slug))})${page.summary === null ? "" : `: ${page.summary}`}\n`,
  );
  return `# ${SITE.name}

> ${SITE.description}

${SITE.introduction}

Every essay is also served as its original Markdown at its URL plus \`.md\`. Feeds: ${feeds}.

## Essays

${essays.join("")}
## Pages

${pages.join("")}`;
};
