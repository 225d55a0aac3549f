import { describe, expect, it } from "vitest";
import type { Essay } from "../../src/manifest.ts";
import { SITE } from "../../src/site.ts";
import { feedCopy } from "../../src/worker/feeds/feed-copy.ts";
import { bodyOf, manifestOf, request } from "./app.ts";
import { child, children, parseXml, text, urlsIn, type XmlNode } from "./xml.ts";

const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const RFC822_RE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

const get = async (path: string, options = {}) => {
  const response = await request(path, {}, options);
  expect(response.status, path).toBe(200);
  return { response, body: await response.text() };
};

/** An RFC 822 date whose weekday agrees with its day, parsed to an instant. */
const rfc822 = (value: string): number => {
  expect(value).toMatch(RFC822_RE);
  const instant = Date.parse(value);
  expect(new Date(instant).toUTCString().slice(0, 3)).toBe(value.slice(0, 3));
  return instant;
};

/** The essay's HTML with its URLs absolute, as the feeds must carry it. */
const feedHtmlOf = (essay: Essay | undefined): Promise<string> =>
  feedCopy(essay === undefined ? "" : bodyOf(essay).html, `https://fmlops.dev/writing/${essay?.slug}`);

const visibleEssays = () => manifestOf("production").essays.filter((essay) => essay.date <= "2026-11-25");

describe("the Atom feed at /writing/feed.xml", () => {
  it("is Atom, with its content type", async () => {
    const { response, body } = await get("/writing/feed.xml");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
  });

  it("has the feed-level elements RFC 4287 requires, with a self link to where it is served", async () => {
    const feed = child(parseXml((await get("/writing/feed.xml")).body), "feed");
    expect(text(feed["title"])).toBe(SITE.name);
    expect(text(feed["id"])).toBe("https://fmlops.dev/writing/feed.xml");
    expect(children(feed, "link").map((l) => [l["@rel"], l["@href"]])).toEqual([
      ["alternate", "https://fmlops.dev/writing/"],
      ["self", "https://fmlops.dev/writing/feed.xml"],
    ]);
    expect(text(child(feed, "author")["name"])).toBe(SITE.author);
  });

  it("names a square icon and a wide logo, as absolute URLs", async () => {
    const feed = child(parseXml((await get("/writing/feed.xml")).body), "feed");
    expect([text(feed["icon"]), text(feed["logo"])]).toEqual([
      "https://fmlops.dev/favicon.svg",
      "https://fmlops.dev/og-default.png",
    ]);
  });

  it("takes its updated time from the newest essay, never from the clock", async () => {
    const feed = child(parseXml((await get("/writing/feed.xml")).body), "feed");
    const newest = visibleEssays()
      .map((e) => e.modified)
      .sort()
      .at(-1);
    expect(text(feed["updated"])).toBe(newest);
    const later = child(
      parseXml((await get("/writing/feed.xml", { now: Date.parse("2030-06-01T00:00:00Z") })).body),
      "feed",
    );
    expect(text(later["updated"])).toBe(newest);
  });

  it("carries every visible essay in full, newest first, titled 'Title: dek'", async () => {
    const entries = children(child(parseXml((await get("/writing/feed.xml")).body), "feed"), "entry");
    const essays = visibleEssays();
    expect(entries.map((e) => text(e["title"]))).toEqual(essays.map((e) => `${e.title}: ${e.dek}`));
    for (const [i, entry] of entries.entries()) {
      const essay = essays[i];
      expect(text(entry["published"])).toMatch(RFC3339_RE);
      expect(text(entry["updated"])).toMatch(RFC3339_RE);
      expect(text(entry["published"])).toBe(`${essay?.date}T00:00:00Z`);
      expect(child(entry, "content")["@type"]).toBe("html");
      expect(text(entry["content"])).toBe(await feedHtmlOf(essay));
      expect(text(entry["summary"])).toBe(essay?.summary);
      expect(children(entry, "category").map((c) => c["@term"])).toEqual(essay?.tags);
    }
  });

  it("uses the canonical URL as the id, or the front matter's id for a migrated essay", async () => {
    const entries = children(child(parseXml((await get("/writing/feed.xml")).body), "feed"), "entry");
    const ids = new Map(entries.map((e) => [children(e, "link")[0]?.["@href"], text(e["id"])]));
    expect(ids.get("https://fmlops.dev/writing/first-contract")).toBe("https://fmlops.dev/writing/first-contract");
    expect(ids.get("https://fmlops.dev/writing/same-day")).toBe("https://previous.example/posts/same-day");
    expect(new Set(ids.values()).size).toBe(entries.length);
  });

  it("keeps drafts and scheduled essays out", async () => {
    const body = (await get("/writing/feed.xml")).body;
    expect(body).not.toContain("unfinished-thought");
    expect(body).not.toContain("scheduled-essay");
  });
});

describe("the RSS feed at /writing/rss.xml", () => {
  const channel = async (): Promise<XmlNode> =>
    child(child(parseXml((await get("/writing/rss.xml")).body), "rss"), "channel");

  it("is RSS 2.0 with the content and Atom namespaces declared, and its content type", async () => {
    const { response, body } = await get("/writing/rss.xml");
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const rss = child(parseXml(body), "rss");
    expect(rss["@version"]).toBe("2.0");
    expect(rss["@xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
    expect(rss["@xmlns:atom"]).toBe("http://www.w3.org/2005/Atom");
  });

  it("has the required channel elements and an atom:link to itself", async () => {
    const c = await channel();
    expect(text(c["title"])).toBe(SITE.name);
    expect(text(c["link"])).toBe("https://fmlops.dev/writing/");
    expect(text(c["description"])).toBe(SITE.description);
    expect(child(c, "atom:link")).toMatchObject({
      "@href": "https://fmlops.dev/writing/rss.xml",
      "@rel": "self",
      "@type": "application/rss+xml",
    });
  });

  it("dates the channel and every item in RFC 822, with a four-digit year, a zone and the right weekday", async () => {
    const c = await channel();
    const newest =
      visibleEssays()
        .map((e) => e.modified)
        .sort()
        .at(-1) ?? "";
    expect(rfc822(text(c["lastBuildDate"]))).toBe(Date.parse(newest));
    for (const item of children(c, "item")) rfc822(text(item["pubDate"]));
  });

  it("gives each item a permalink guid, the summary as description and the full essay as content:encoded", async () => {
    const items = children(await channel(), "item");
    const essays = visibleEssays();
    expect(items).toHaveLength(essays.length);
    for (const [i, item] of items.entries()) {
      const essay = essays[i];
      const url = `https://fmlops.dev/writing/${essay?.slug}`;
      expect(text(item["link"])).toBe(url);
      expect(text(item["description"])).toBe(essay?.summary);
      expect(text(item["content:encoded"])).toBe(await feedHtmlOf(essay));
      const guid = child(item, "guid");
      if (essay?.slug === "same-day") {
        expect(guid).toEqual({ "#text": "https://previous.example/posts/same-day", "@isPermaLink": "false" });
      } else {
        expect(guid).toEqual({ "#text": url, "@isPermaLink": "true" });
      }
    }
  });
});

describe("the JSON Feed at /writing/feed.json", () => {
  it("is JSON Feed 1.1 with its content type, a feed_url to itself and the full essays", async () => {
    const { response, body } = await get("/writing/feed.json");
    expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = JSON.parse(body) as {
      version: string;
      feed_url: string;
      home_page_url: string;
      items: Record<string, unknown>[];
    };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe("https://fmlops.dev/writing/feed.json");
    expect(feed.home_page_url).toBe("https://fmlops.dev/writing/");
    const essays = visibleEssays();
    expect(feed.items.map((item) => item["content_html"])).toEqual(await Promise.all(essays.map(feedHtmlOf)));
    expect(feed.items.map((item) => item["id"])).toEqual(essays.map((e) => e.id));
    expect(feed.items.map((item) => item["date_published"])).toEqual(essays.map((e) => e.published));
  });

  it("names a 512-pixel icon and the favicon for a reader's lists, as absolute URLs", async () => {
    const feed = JSON.parse((await get("/writing/feed.json")).body) as Record<string, unknown>;
    expect([feed["icon"], feed["favicon"]]).toEqual([
      "https://fmlops.dev/icon-512.png",
      "https://fmlops.dev/favicon.svg",
    ]);
  });
});

describe("every feed", () => {
  const FEEDS = [
    "/writing/feed.xml",
    "/writing/rss.xml",
    "/writing/feed.json",
    "/tags/contracts/feed.xml",
    "/tags/contracts/rss.xml",
    "/tags/contracts/feed.json",
  ];

  it.each(FEEDS)("%s has only absolute URLs in its content, fragments included", async (path) => {
    const body = (await get(path)).body;
    const contents = path.endsWith(".json")
      ? (JSON.parse(body) as { items: { content_html: string }[] }).items.map((item) => item.content_html)
      : [...body.matchAll(/<(?:content|content:encoded)[^>]*>([\s\S]*?)<\/(?:content|content:encoded)>/g)].map((m) =>
          text(parseXml(`<x>${m[1]}</x>`)["x"]),
        );
    const urls = contents.flatMap(urlsIn);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url, path).toMatch(/^(https:\/\/|mailto:)/);
  });

  it("rewrites each kind of relative link the way a browser on the essay page would resolve it", async () => {
    const { items } = JSON.parse((await get("/writing/feed.json")).body) as { items: Record<string, string>[] };
    const feedHtml = items.find((item) => item["url"] === "https://fmlops.dev/writing/unicode")?.["content_html"] ?? "";
    const urls = urlsIn(feedHtml);
    expect(urls).toEqual(
      expect.arrayContaining([
        "https://fmlops.dev/writing/",
        "https://fmlops.dev/writing/first-contract",
        "https://fmlops.dev/writing/unicode#relative-links",
        "https://fmlops.dev/writing/?page=2&amp;sort=new",
        "https://fmlops.dev/og-default.png",
        "https://fmlops.dev/about/",
        "https://example.com/path?a=1&amp;b=2",
        "mailto:someone@example.com",
      ]),
    );
    expect(feedHtml).toContain('srcset="https://fmlops.dev/og-default.png 1x, https://fmlops.dev/og-default.png 2x"');
  });

  it("carries at most the documented limit of newest essays", async () => {
    const many = manifestOf("many");
    expect(many.essays.length).toBeGreaterThan(SITE.feedLimit);
    const atom = children(child(parseXml((await get("/writing/feed.xml", { fixture: "many" })).body), "feed"), "entry");
    expect(atom.map((e) => text(e["id"]))).toEqual(many.essays.slice(0, SITE.feedLimit).map((e) => e.id));
    const json = JSON.parse((await get("/writing/feed.json", { fixture: "many" })).body) as { items: unknown[] };
    expect(json.items).toHaveLength(SITE.feedLimit);
    const rss = children(
      child(child(parseXml((await get("/writing/rss.xml", { fixture: "many" })).body), "rss"), "channel"),
      "item",
    );
    expect(rss).toHaveLength(SITE.feedLimit);
  });
});

describe("tag feeds", () => {
  it("carry only the essays with the tag, and point at themselves", async () => {
    const feed = child(parseXml((await get("/tags/contracts/feed.xml")).body), "feed");
    expect(children(feed, "entry").map((e) => children(e, "link")[0]?.["@href"])).toEqual([
      "https://fmlops.dev/writing/unicode",
      "https://fmlops.dev/writing/first-contract",
    ]);
    expect(children(feed, "link").find((l) => l["@rel"] === "self")?.["@href"]).toBe(
      "https://fmlops.dev/tags/contracts/feed.xml",
    );
    const rss = child(child(parseXml((await get("/tags/contracts/rss.xml")).body), "rss"), "channel");
    expect(child(rss, "atom:link")["@href"]).toBe("https://fmlops.dev/tags/contracts/rss.xml");
    const json = JSON.parse((await get("/tags/contracts/feed.json")).body) as { feed_url: string };
    expect(json.feed_url).toBe("https://fmlops.dev/tags/contracts/feed.json");
  });

  it("do not exist for a tag no visible essay carries", async () => {
    for (const path of [
      "/tags/nope/feed.xml",
      "/tags/scheduling/feed.xml",
      "/tags/scheduling/rss.xml",
      "/tags/scheduling/feed.json",
    ]) {
      expect((await request(path)).status, path).toBe(404);
    }
  });
});

describe("hostile text in feeds", () => {
  it.each(["/writing/feed.xml", "/writing/rss.xml", "/tags/hostile/feed.xml"])(
    "stays text in %s, which stays well-formed",
    async (path) => {
      const body = (await get(path)).body;
      const document = parseXml(body);
      const titles = JSON.stringify(document);
      expect(titles).toContain(
        `<script>alert(\\"title\\")</script> & \\"Quotes\\" 'too': <img src=x onerror=alert(1)> & a dek`,
      );
      expect(titles).toContain("]]> <!-- comment -->");
    },
  );

  it.each(["/writing/feed.xml", "/writing/rss.xml", "/tags/contracts/rss.xml"])(
    "keeps emoji and right-to-left text intact in %s",
    async (path) => {
      const titles = JSON.stringify(parseXml((await get(path)).body));
      expect(titles).toContain("Ünïcödé 🚀 and שלום עולם: Right to left: مرحبا بالعالم, and an emoji 🧵.");
    },
  );

  it("stays text in the JSON Feed, which stays valid JSON", async () => {
    const feed = JSON.parse((await get("/writing/feed.json")).body) as { items: { title: string; summary: string }[] };
    expect(feed.items.map((item) => item.title)).toContain(
      `<script>alert("title")</script> & "Quotes" 'too': <img src=x onerror=alert(1)> & a dek`,
    );
    expect(feed.items.map((item) => item.summary)).toContain(`</p><b>bold?</b> & "summary" ]]> <!-- comment -->`);
  });
});
