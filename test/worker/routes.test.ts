import { describe, expect, it } from "vitest";
import { request } from "./app.ts";

const PAGES = ["/", "/writing/", "/writing/first-contract", "/writing/same-day", "/about/", "/colophon/"];

describe("routes", () => {
  it("runs inside workerd, not Node", () => {
    expect(navigator.userAgent).toBe("Cloudflare-Workers");
  });

  it.each(PAGES)("serves %s as a complete HTML page", async (path) => {
    const response = await request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const body = await response.text();
    expect(body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(body).toContain('<link rel="stylesheet" href="/style.0123456789.css">');
    expect(body).toContain('<nav aria-label="Site">');
    expect(body).toMatch(/<\/footer>\n<\/body>\n<\/html>\n$/);
  });

  it.each(PAGES)("answers HEAD %s with the GET headers and no body", async (path) => {
    const [get, head] = await Promise.all([request(path), request(path, { method: "HEAD" })]);
    expect(head.status).toBe(200);
    for (const header of ["content-type", "etag", "last-modified", "cache-control"]) {
      expect(head.headers.get(header), header).toBe(get.headers.get(header));
    }
    expect(await head.text()).toBe("");
  });

  it("gives each page its canonical absolute URL", async () => {
    const body = await (await request("/writing/first-contract")).text();
    expect(body).toContain('<link rel="canonical" href="https://fmlops.dev/writing/first-contract">');
  });

  it("marks the current section in the navigation", async () => {
    expect(await (await request("/writing/")).text()).toContain('<a href="/writing/" aria-current="page">Writing</a>');
    expect(await (await request("/about/")).text()).toContain('<a href="/about/" aria-current="page">About</a>');
  });
});

describe("the home page", () => {
  it("opens with the site's introduction and lists the latest essays, newest first", async () => {
    const body = await (await request("/")).text();
    expect(body).toContain("Every essay here is about one bug of a single shape");
    const order = ["/writing/hostile-front-matter", "/writing/same-day", "/writing/first-contract"].map((href) =>
      body.indexOf(`href="${href}"`),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).toContain('<a href="/writing/">All essays</a>');
  });
});

describe("the essay index", () => {
  it("lists every essay with title, dek, summary, date and reading time", async () => {
    const body = await (await request("/writing/")).text();
    expect(body).toContain('<a href="/writing/first-contract">The first contract</a>');
    expect(body).toContain('<p class="dek">A plain essay that every route test can rely on.</p>');
    expect(body).toContain('<p class="summary">Two parts, one convention, nobody wrote it down.</p>');
    expect(body).toContain('<time datetime="2026-01-05">5 January 2026</time>');
    expect(body).toMatch(/<a href="\/writing\/first-contract" aria-label="Read The first contract">Read<\/a> \| 1 min/);
  });

  it("breaks ties on the same date by slug", async () => {
    const body = await (await request("/writing/")).text();
    expect(body.indexOf("/writing/hostile-front-matter")).toBeLessThan(body.indexOf("/writing/same-day"));
  });
});

describe("an essay", () => {
  it("shows title, dek, date, reading time, tags and the rendered body", async () => {
    const body = await (await request("/writing/first-contract")).text();
    expect(body).toContain("<h1>The first contract</h1>");
    expect(body).toContain('<p class="dek">A plain essay that every route test can rely on.</p>');
    expect(body).toContain('<time datetime="2026-01-05">5 January 2026</time> · 13 words · 1 min read');
    expect(body).toContain(
      '<ul class="tags" aria-label="Tags"><li><a href="/tags/files/">files</a></li><li><a href="/tags/contracts/">contracts</a></li></ul>',
    );
    expect(body).toContain(
      '<h2 id="a-section">A section<a class="heading-anchor" href="#a-section" aria-hidden="true" tabindex="-1">#</a></h2>',
    );
    expect(body).toContain(
      '<pre tabindex="0"><code class="hljs language-bash"><span class="hljs-built_in">echo</span> <span class="hljs-string">&quot;a code block&quot;</span>',
    );
  });

  it('shows "Updated" with the revision date in UTC', async () => {
    const body = await (await request("/writing/hostile-front-matter")).text();
    expect(body).toContain('Updated <time datetime="2026-04-01T06:30:00Z">1 April 2026</time>');
  });

  it("uses the summary as the meta description", async () => {
    const body = await (await request("/writing/same-day")).text();
    expect(body).toContain('<meta name="description" content="Published the same day as the hostile essay.">');
  });
});

describe("a standalone page", () => {
  it("falls back to the site description when it has no summary", async () => {
    const body = await (await request("/colophon/")).text();
    expect(body).toContain('<meta name="description" content="Essays on one kind of bug');
  });
});
