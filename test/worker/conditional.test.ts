import { describe, expect, it } from "vitest";
import { appOf, fixtureApp, manifestOf, NOW, ORIGIN, request } from "./app.ts";

const RESOURCES = [
  ["an HTML list", "/writing/", "text/html; charset=utf-8"],
  ["the home page", "/", "text/html; charset=utf-8"],
  ["an essay", "/writing/first-contract", "text/html; charset=utf-8"],
  ["a page", "/about/", "text/html; charset=utf-8"],
  ["a tag page", "/tags/contracts/", "text/html; charset=utf-8"],
  ["the Atom feed", "/writing/feed.xml", "application/atom+xml; charset=utf-8"],
  ["the RSS feed", "/writing/rss.xml", "application/rss+xml; charset=utf-8"],
  ["the JSON Feed", "/writing/feed.json", "application/feed+json; charset=utf-8"],
  ["a tag's Atom feed", "/tags/files/feed.xml", "application/atom+xml; charset=utf-8"],
  ["the sitemap", "/sitemap.xml", "application/xml; charset=utf-8"],
  ["robots.txt", "/robots.txt", "text/plain; charset=utf-8"],
  ["llms.txt", "/llms.txt", "text/plain; charset=utf-8"],
  ["an essay's Markdown", "/writing/first-contract.md", "text/markdown; charset=utf-8"],
] as const;

const CACHING_HEADERS = ["etag", "cache-control", "last-modified"];

describe.each(RESOURCES)("conditional GET of %s (%s)", (_name, path, contentType) => {
  it("is served with its content type, a strong ETag and Cache-Control", async () => {
    const response = await request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(contentType);
    expect(response.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
  });

  it("answers a matching If-None-Match with 304, no body and the same caching headers", async () => {
    const first = await request(path);
    const etag = first.headers.get("etag") ?? "";
    const revalidated = await request(path, { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    for (const header of CACHING_HEADERS)
      expect(revalidated.headers.get(header), header).toBe(first.headers.get(header));
  });

  it("answers HEAD with a matching If-None-Match with 304 too", async () => {
    const etag = (await request(path)).headers.get("etag") ?? "";
    expect((await request(path, { method: "HEAD", headers: { "If-None-Match": etag } })).status).toBe(304);
  });

  it("answers a stale If-None-Match with the full response", async () => {
    const response = await request(path, { headers: { "If-None-Match": '"something-else"' } });
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBeGreaterThan(0);
  });
});

describe("If-None-Match", () => {
  it("matches one of a list, and a weak form of the same tag (weak comparison, RFC 9110)", async () => {
    const etag = (await request("/writing/")).headers.get("etag") ?? "";
    expect((await request("/writing/", { headers: { "If-None-Match": `"a", ${etag}, "b"` } })).status).toBe(304);
    expect((await request("/writing/", { headers: { "If-None-Match": `W/${etag}` } })).status).toBe(304);
  });

  it("matches * for any resource that exists", async () => {
    expect((await request("/writing/feed.xml", { headers: { "If-None-Match": "*" } })).status).toBe(304);
  });

  it("takes precedence over If-Modified-Since", async () => {
    const response = await request("/writing/", {
      headers: { "If-None-Match": '"other"', "If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT" },
    });
    expect(response.status).toBe(200);
  });

  it("ignores garbage instead of failing", async () => {
    for (const value of ["", ",,,", '"unterminated', "W/", "bogus"]) {
      expect((await request("/writing/", { headers: { "If-None-Match": value } })).status, value).toBe(200);
    }
  });
});

describe("If-Modified-Since", () => {
  it("answers 304 when nothing changed since, and 200 when something did", async () => {
    const lastModified = (await request("/writing/feed.xml")).headers.get("last-modified") ?? "";
    expect(lastModified).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect((await request("/writing/feed.xml", { headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await request("/writing/feed.xml", { headers: { "If-Modified-Since": earlier } })).status).toBe(200);
    expect((await request("/writing/feed.xml", { headers: { "If-Modified-Since": "not a date" } })).status).toBe(200);
  });

  it("dates an essay by its revision, and a list by its newest essay", async () => {
    expect((await request("/writing/hostile-front-matter")).headers.get("last-modified")).toBe(
      "Wed, 01 Apr 2026 06:30:00 GMT",
    );
    expect((await request("/writing/first-contract")).headers.get("last-modified")).toBe(
      "Mon, 05 Jan 2026 00:00:00 GMT",
    );
    expect((await request("/writing/")).headers.get("last-modified")).toBe("Wed, 01 Apr 2026 06:30:00 GMT");
  });

  it("is not offered where no date is meaningful", async () => {
    expect((await request("/about/")).headers.get("last-modified")).toBeNull();
    expect((await request("/robots.txt")).headers.get("last-modified")).toBeNull();
  });
});

describe("ETags", () => {
  const PATHS = RESOURCES.map(([, path]) => path);

  it("are the same for every resource after an independent rebuild of the same posts", async () => {
    for (const path of PATHS) {
      const [a, b] = await Promise.all([request(path), request(path, {}, { fixture: "rebuilt" })]);
      expect(b.headers.get("etag"), path).toBe(a.headers.get("etag"));
    }
  });

  it("differ between resources whose content differs", async () => {
    const etags = await Promise.all(
      ["/writing/first-contract", "/writing/same-day", "/about/", "/colophon/"].map(async (p) =>
        (await request(p)).headers.get("etag"),
      ),
    );
    expect(new Set(etags).size).toBe(etags.length);
  });

  it("are a hash of exactly the bytes served", async () => {
    for (const path of PATHS) {
      const response = await request(path);
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
      const hex = Array.from(digest.subarray(0, 12), (byte) => byte.toString(16).padStart(2, "0")).join("");
      expect(response.headers.get("etag"), path).toBe(`"${hex}"`);
    }
  });

  it("change for the sitemap and llms.txt when only the pages change", async () => {
    const manifest = manifestOf();
    const [first] = manifest.pages;
    if (first === undefined) throw new Error("the fixtures have pages");
    const changed = {
      ...manifest,
      pages: [...manifest.pages, { ...first, slug: "another-page", title: "Another page" }],
    };
    for (const path of ["/sitemap.xml", "/llms.txt"]) {
      const [a, b] = await Promise.all([
        fixtureApp().request(`${ORIGIN}${path}`),
        appOf(changed, NOW).request(`${ORIGIN}${path}`),
      ]);
      expect(b.headers.get("etag"), path).not.toBe(a.headers.get("etag"));
    }
  });
});

describe("If-Modified-Since that is not an HTTP-date", () => {
  it.each(["2026-04-01T06:30:00.000Z", "Sat, 01 Jan 10000 00:00:00 GMT", "yesterday", "1775025000"])(
    "is ignored: %s",
    async (value) => {
      expect((await request("/writing/feed.xml", { headers: { "If-Modified-Since": value } })).status).toBe(200);
    },
  );

  it.each(["Sunday, 01-Jan-34 00:00:00 GMT", "Sun Jan  1 00:00:00 2034"])(
    "is read in the obsolete forms HTTP still allows: %s",
    async (value) => {
      expect((await request("/writing/feed.xml", { headers: { "If-Modified-Since": value } })).status).toBe(304);
    },
  );
});

describe("If-Modified-Since in the first century", () => {
  it("is not mistaken for a date in the twentieth", async () => {
    expect((await request("/", { headers: { "If-Modified-Since": "Fri, 31 Dec 0049 23:59:59 GMT" } })).status).toBe(
      200,
    );
  });
});
