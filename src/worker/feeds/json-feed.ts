// JSON Feed 1.1 (https://jsonfeed.org/version/1.1).

import { SITE } from "../../site.ts";
import { absoluteUrl, PATHS } from "../../urls.ts";
import { entryTitle, selfPath, type FeedSource } from "./feed-source.ts";

export const jsonFeed = (source: FeedSource): string =>
  `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: source.title,
      home_page_url: absoluteUrl(source.homePath),
      feed_url: absoluteUrl(selfPath(source, "json")),
      description: source.description,
      language: SITE.language,
      icon: absoluteUrl(SITE.icons.large),
      favicon: absoluteUrl(SITE.favicon),
      authors: [{ name: SITE.author, url: `${SITE.baseUrl}/` }],
      items: source.essays.map((essay) => ({
        id: essay.id,
        url: absoluteUrl(PATHS.essay(essay.slug)),
        title: entryTitle(essay),
        summary: essay.summary,
        content_html: essay.feedHtml,
        date_published: essay.published,
        date_modified: essay.modified,
        tags: essay.tags,
      })),
    },
    null,
    2,
  )}\n`;
