import { describe, expect, it } from "vitest";
import { manifestOf, request } from "./app.ts";
import { children, parseXml, text } from "./xml.ts";

const body = async (path: string, options = {}): Promise<string> => {
  const response = await request(path, {}, options);
  expect(response.status, path).toBe(200);
  return response.text();
};

describe("tags", () => {
  it("/tags/ lists every tag of a visible essay with its count, alphabetically", async () => {
    const page = await body("/tags/");
    const tags = [
      ...page.matchAll(/<li><a href="\/tags\/([a-z0-9-]+)\/">\1<\/a> <span class="count">(\d+) essays?<\/span><\/li>/g),
    ].map((m) => [m[1], m[2]]);
    expect(tags).toEqual([
      ["contracts", "2"],
      ["files", "1"],
      ["hostile", "1"],
    ]);
  });

  it("/tags/:tag/ lists the essays with that tag, newest first, and links its feeds", async () => {
    const page = await body("/tags/contracts/");
    expect(page).toContain('<h1>Essays tagged <span class="tag-name">contracts</span></h1>');
    expect(page.indexOf('href="/writing/unicode"')).toBeLessThan(page.indexOf('href="/writing/first-contract"'));
    expect(page).not.toContain('href="/writing/same-day"');
    expect(page).toContain(
      '<link rel="alternate" type="application/atom+xml" title="fmlops.dev: contracts (Atom)" href="/tags/contracts/feed.xml">',
    );
    expect(page).toContain('<a href="/tags/contracts/rss.xml">RSS</a>');
  });

  it("answers 404 for a tag no visible essay has, and 301 for the other slash form", async () => {
    expect((await request("/tags/nope/")).status).toBe(404);
    const redirect = await request("/tags/contracts");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/tags/contracts/");
  });

  it("are shown as links on each essay and in the index", async () => {
    const link = '<li><a href="/tags/contracts/">contracts</a></li>';
    expect(await body("/writing/first-contract")).toContain(link);
    expect(await body("/writing/")).toContain(link);
  });
});

describe("the essay index", () => {
  it("is one list while the essays span one year", async () => {
    const page = await body("/writing/");
    expect(page).not.toContain('<section class="year"');
    expect(page.match(/<ol class="essay-list">/g)).toHaveLength(1);
  });

  it("groups essays by year, newest year first, once they span more than one", async () => {
    const page = await body("/writing/", { fixture: "many" });
    const years = [...page.matchAll(/<h2 id="year-(\d{4})">\1<\/h2>/g)].map((m) => m[1]);
    expect(years).toEqual(["2025", "2024"]);
    expect(page.match(/<h3 class="entry-title">/g)).toHaveLength(manifestOf("many").essays.length);
  });
});

describe("/sitemap.xml", () => {
  it("lists every canonical page with an absolute URL, essays with their lastmod", async () => {
    const urlset = parseXml(await body("/sitemap.xml"))["urlset"];
    const entries = children(urlset, "url").map((url) => [
      text(url["loc"]),
      url["lastmod"] === undefined ? null : text(url["lastmod"]),
    ]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ["https://fmlops.dev/", "2026-04-01T06:30:00Z"],
        ["https://fmlops.dev/writing/", "2026-04-01T06:30:00Z"],
        ["https://fmlops.dev/writing/first-contract", "2026-01-05T00:00:00Z"],
        ["https://fmlops.dev/writing/hostile-front-matter", "2026-04-01T06:30:00Z"],
        ["https://fmlops.dev/tags/", "2026-04-01T06:30:00Z"],
        ["https://fmlops.dev/tags/contracts/", "2026-03-12T00:00:00Z"],
        ["https://fmlops.dev/about/", null],
      ]),
    );
    expect(entries).toContainEqual(["https://fmlops.dev/series/", "2026-04-01T06:30:00Z"]);
    expect(entries).toContainEqual(["https://fmlops.dev/series/contract-series/", "2026-02-15T00:00:00Z"]);
    expect(entries).toHaveLength(1 + 1 + 5 + 1 + 3 + 1 + 1 + 2);
  });
});

describe("/robots.txt", () => {
  it("allows everything but search results, and names the sitemap with an absolute URL", async () => {
    expect(await body("/robots.txt")).toBe(
      "User-agent: *\nDisallow: /search$\nDisallow: /search?\nAllow: /\n\nSitemap: https://fmlops.dev/sitemap.xml\n",
    );
  });
});

describe("for readers who are programs", () => {
  it("/writing/:slug.md serves the essay's original Markdown", async () => {
    const response = await request("/writing/first-contract.md");
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const markdown = await response.text();
    expect(markdown).toMatch(/^---\ntitle: "The first contract"\n/);
    expect(markdown).toContain('```bash\necho "a code block"\n```');
  });

  it("/llms.txt describes the site and lists every essay with its summary and Markdown link", async () => {
    const llms = await body("/llms.txt");
    expect(llms).toMatch(/^# fmlops\.dev\n\n> Essays on one kind of bug/);
    expect(llms).toContain(
      "- [The first contract](https://fmlops.dev/writing/first-contract.md): Two parts, one convention, nobody wrote it down.",
    );
    expect(llms).toContain(
      "- [About the fixture site](https://fmlops.dev/about/): The page that /about/ serves in tests.",
    );
    expect(llms).not.toContain("scheduled-essay");
  });
});

const headOf = async (path: string): Promise<string> => (await body(path)).split("</head>")[0] ?? "";

describe("every page's head", () => {
  it.each(["/", "/writing/", "/writing/first-contract", "/about/", "/tags/", "/tags/files/"])(
    "links the site's feeds and carries canonical and social metadata: %s",
    async (path) => {
      const head = await headOf(path);
      expect(head).toContain(
        '<link rel="alternate" type="application/atom+xml" title="fmlops.dev (Atom)" href="/writing/feed.xml">',
      );
      expect(head).toContain(
        '<link rel="alternate" type="application/rss+xml" title="fmlops.dev (RSS)" href="/writing/rss.xml">',
      );
      expect(head).toContain(
        '<link rel="alternate" type="application/feed+json" title="fmlops.dev (JSON Feed)" href="/writing/feed.json">',
      );
      expect(head).toContain(`<link rel="canonical" href="https://fmlops.dev${path}">`);
      expect(head).toContain(`<meta property="og:url" content="https://fmlops.dev${path}">`);
      expect(head).toMatch(/<meta name="description" content="[^"]+">/);
      // The default card, or an essay's own (social-cards.test.ts): always an absolute URL.
      expect(head).toMatch(
        /<meta property="og:image" content="https:\/\/fmlops\.dev\/(og-default|cards\/[a-z0-9-]+)\.png">/,
      );
      expect(head).toContain('<meta property="og:image:width" content="1200">');
      expect(head).toContain('<meta property="og:image:height" content="630">');
      expect(head).toContain('<meta name="twitter:card" content="summary_large_image">');
    },
  );

  it.each([
    ["/", 200],
    ["/writing/first-contract", 200],
    ["/tags/files/", 200],
    ["/series/contract-series/", 200],
    ["/no-such-page/", 404],
  ])("names the favicon and the 180-pixel PNG iOS and feed readers use: %s", async (path, status) => {
    const response = await request(path);
    expect(response.status).toBe(status);
    const head = (await response.text()).split("</head>")[0] ?? "";
    expect(head).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(head).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png">');
  });

  it("marks an essay as an article with its dates and tags", async () => {
    const head = await headOf("/writing/hostile-front-matter");
    expect(head).toContain('<meta property="og:type" content="article">');
    expect(head).toContain('<meta property="article:published_time" content="2026-03-10T00:00:00Z">');
    expect(head).toContain('<meta property="article:modified_time" content="2026-04-01T06:30:00Z">');
    expect(head).toContain('<meta property="article:tag" content="hostile">');
    expect(await headOf("/writing/first-contract")).not.toContain("article:modified_time");
    expect(await headOf("/writing/")).toContain('<meta property="og:type" content="website">');
  });

  it("gives an essay JSON-LD BlogPosting that parses, even with a hostile title", async () => {
    const head = await headOf("/writing/hostile-front-matter");
    const blocks = [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => m[1] ?? "",
    );
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0] ?? "") as Record<string, unknown>;
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      headline: `<script>alert("title")</script> & "Quotes" 'too'`,
      url: "https://fmlops.dev/writing/hostile-front-matter",
      datePublished: "2026-03-10T00:00:00Z",
      dateModified: "2026-04-01T06:30:00Z",
      keywords: ["hostile"],
    });
    expect(blocks[0]).not.toContain("</script>");
  });
});
