import { describe, expect, it } from "vitest";
import { fixtureApp, ORIGIN, request } from "./app.ts";

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
    for (const header of CACHING_HEADERS) expect(revalidated.headers.get(header), header).toBe(first.headers.get(header));
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
    expect((await request("/writing/hostile-front-matter")).headers.get("last-modified")).toBe("Wed, 01 Apr 2026 06:30:00 GMT");
    expect((await request("/writing/first-contract")).headers.get("last-modified")).toBe("Mon, 05 Jan 2026 00:00:00 GMT");
    expect((await request("/writing/")).headers.get("last-modified")).toBe("Wed, 01 Apr 2026 06:30:00 GMT");
  });

  it("is not offered where no date is meaningful", async () => {
    expect((await request("/about/")).headers.get("last-modified")).toBeNull();
    expect((await request("/robots.txt")).headers.get("last-modified")).toBeNull();
  });
});

describe("ETags come from the build", () => {
  const PATHS = RESOURCES.map(([, path]) => path);

  it("are the same for every resource after an independent rebuild of the same posts", async () => {
    for (const path of PATHS) {
      const [a, b] = await Promise.all([request(path), request(path, {}, { fixture: "rebuilt" })]);
      expect(b.headers.get("etag"), path).toBe(a.headers.get("etag"));
    }
  });

  it("differ between resources whose content differs", async () => {
    const etags = await Promise.all(["/writing/first-contract", "/writing/same-day", "/about/", "/colophon/"].map(async (p) => (await request(p)).headers.get("etag")));
    expect(new Set(etags).size).toBe(etags.length);
  });

  it("are not recomputed per request: the same app answers the same tag without rendering again", async () => {
    const app = fixtureApp();
    const first = await app.request(`${ORIGIN}/writing/feed.json`);
    const second = await app.request(`${ORIGIN}/writing/feed.json`);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await second.text()).toBe(await first.text());
  });
});
