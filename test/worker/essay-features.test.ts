import { describe, expect, it } from "vitest";
import { request } from "./app.ts";

const AT_SCHEDULED = Date.parse("2099-01-01T00:00:00Z");

const page = async (path: string, now?: number): Promise<string> => {
  const response = await request(path, {}, now === undefined ? {} : { now });
  expect(response.status, path).toBe(200);
  return response.text();
};

describe("an essay page", () => {
  it("shows a table of contents of its ## sections when it has three or more", async () => {
    const body = await page("/writing/long-read");
    expect(body).toContain('<nav class="toc" aria-labelledby="toc-title">');
    const toc = body.slice(body.indexOf('<nav class="toc"'), body.indexOf("</nav>", body.indexOf('<nav class="toc"')));
    expect([...toc.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["first-section", "First section"],
      [
        "second-section-whose-title-runs-long-enough-to-wrap-onto-a-second-line-in-the-contents",
        "Second section, whose title runs long enough to wrap onto a second line in the contents",
      ],
      ["first-section-1", "First section"],
    ]);
  });

  it("shows no table of contents with fewer sections", async () => {
    expect(await page("/writing/first-contract")).not.toContain('class="toc"');
  });

  it("renders footnotes, highlighted code and an escaped block in an unknown language", async () => {
    const body = await page("/writing/long-read");
    expect(body).toContain('<section class="footnotes" data-footnotes>');
    expect(body).toContain('<code class="hljs language-typescript"><span class="hljs-keyword">const</span>');
    expect(body).toContain('<pre tabindex="0"><code>&lt;not&gt; &amp; &quot;highlighted&quot;\n</code></pre>');
  });

  it("shows a titled image alone in its paragraph as a figure, captioned, with the image's own size", async () => {
    expect(await page("/writing/long-read")).toContain(
      '<figure><img src="/og-default.png" alt="The site&#39;s social card: its name in dark letters on a pale ground" width="1200" height="630" loading="lazy" decoding="async"><figcaption>A figure: an image alone in its paragraph, with a title, and the title as its caption</figcaption></figure>',
    );
  });

  it("shows its word count and reading time", async () => {
    expect(await page("/writing/long-read")).toMatch(
      /<time datetime="2026-02-15">15 February 2026<\/time> · \d+ words · 1 min read/,
    );
  });

  it("links the previous and next essays, and the ends of the list have one each", async () => {
    const middle = await page("/writing/long-read");
    expect(middle).toContain(
      '<a class="previous" href="/writing/first-contract" rel="prev"><span class="direction">Previous</span> The first contract</a>',
    );
    expect(middle).toContain(
      '<a class="next" href="/writing/same-day" rel="next"><span class="direction">Next</span> Same day, later slug</a>',
    );
    const oldest = await page("/writing/first-contract");
    expect(oldest).not.toContain('rel="prev"');
    expect(oldest).toContain('rel="next"');
    const newest = await page("/writing/unicode");
    expect(newest).toContain('rel="prev"');
    expect(newest).not.toContain('rel="next"');
  });
});

describe("a series", () => {
  it("shows 'Part N of M' on each part, with links to the others in date order", async () => {
    const body = await page("/writing/long-read");
    expect(body).toContain('Part 2 of 2 in the series <a href="/series/contract-series/">contract-series</a>');
    expect(body).toContain(
      '<li><a href="/writing/first-contract">The first contract</a></li><li><span aria-current="page">A long read</span></li>',
    );
    expect(await page("/writing/first-contract")).toContain("Part 1 of 2 in the series");
  });

  it("counts a scheduled part only once it is public", async () => {
    expect(await page("/writing/long-read", AT_SCHEDULED)).toContain("Part 2 of 3 in the series");
    expect(await page("/writing/scheduled-essay", AT_SCHEDULED)).toContain("Part 3 of 3 in the series");
  });

  it("has its own page listing the parts in reading order, and /series/ lists every series", async () => {
    const one = await page("/series/contract-series/");
    expect(one.indexOf('href="/writing/first-contract"')).toBeLessThan(one.indexOf('href="/writing/long-read"'));
    expect(one).not.toContain("scheduled-essay");
    const all = await page("/series/");
    expect(all).toContain('<a href="/series/contract-series/">contract-series</a> <span class="count">2 parts</span>');
    expect((await request("/series/nope/")).status).toBe(404);
  });
});

describe("related essays", () => {
  const related = (body: string): string[] =>
    [...(/<aside class="related"[^]*?<\/aside>/.exec(body)?.[0] ?? "").matchAll(/<a href="\/writing\/([^"]+)">/g)].map(
      ([, slug]) => slug ?? "",
    );

  it("end an essay with the public ones that share its tags, most shared first, then nearest in date", async () => {
    expect(related(await page("/writing/first-contract"))).toEqual(["unicode"]);
    expect(related(await page("/writing/unicode"))).toEqual(["first-contract"]);
    const body = await page("/writing/unicode");
    expect(body).toContain('<h2 id="related-title">Related essays</h2>');
    expect(body).toContain('<time datetime="2026-01-05">5 January 2026</time>');
  });

  it("never link a scheduled essay before its day, and do once it is public", async () => {
    expect(await page("/writing/first-contract")).not.toContain("scheduled-essay");
    expect(related(await page("/writing/first-contract", AT_SCHEDULED))).toEqual(["unicode", "scheduled-essay"]);
  });

  it("are left out when no other essay shares a tag", async () => {
    expect(await page("/writing/long-read")).not.toContain('class="related"');
  });
});

describe("an essay's page versions over time", () => {
  it("change its ETag when a newer essay it links to goes live, and not otherwise", async () => {
    const tag = async (path: string, now: number) => (await request(path, {}, { now })).headers.get("etag");
    const before = Date.parse("2098-06-01T00:00:00Z");
    expect(await tag("/writing/unicode", AT_SCHEDULED)).not.toBe(await tag("/writing/unicode", before));
    expect(await tag("/writing/long-read", AT_SCHEDULED)).not.toBe(await tag("/writing/long-read", before));
    expect(await tag("/writing/same-day", AT_SCHEDULED)).toBe(await tag("/writing/same-day", before));
  });
});

describe("aliases", () => {
  it("answer an essay's old paths with a 301 to it, query kept", async () => {
    for (const old of ["/posts/long-read/", "/writing/a-long-read"]) {
      const response = await request(`${old}?ref=old`);
      expect(response.status, old).toBe(301);
      expect(response.headers.get("location")).toBe("/writing/long-read?ref=old");
    }
  });

  it("answer 405 to methods other than GET and HEAD", async () => {
    expect((await request("/posts/long-read/", { method: "POST" })).status).toBe(405);
  });

  it("of a scheduled essay answer 404 until it is public", async () => {
    expect((await request("/posts/scheduled/")).status).toBe(404);
    const response = await request("/posts/scheduled/", {}, { now: AT_SCHEDULED });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/writing/scheduled-essay");
  });
});
