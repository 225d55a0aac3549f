import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { foldedWords } from "../../src/search.ts";
import { toText } from "../../src/worker/layout.ts";
import { snippet } from "../../src/worker/search/snippet.ts";
import { html } from "hono/html";
import { NOW, request } from "./app.ts";

const AT_SCHEDULED = Date.parse("2099-01-01T00:00:00Z");

const search = (query: string, init: RequestInit = {}, now = NOW) => request(`/search${query}`, init, { now });

/** The slugs a results page lists, in order. */
const found = (page: string): string[] =>
  [...page.matchAll(/<h2 class="result-title"><a href="\/writing\/([^"]+)">/g)].map(([, slug]) => slug ?? "");

const page = async (query: string, now = NOW): Promise<string> => {
  const response = await search(query, {}, now);
  expect(response.status, query).toBe(200);
  return response.text();
};

describe("search", () => {
  it("finds essays by the words of their title, dek, summary, tags and text, best first", async () => {
    // "contract" in a title first, then as the beginning of the tag "contracts".
    expect(found(await page("?q=contract"))).toEqual(["first-contract", "unicode"]);
    expect(found(await page("?q=footnote"))).toEqual(["long-read"]);
    // A tag outweighs a summary.
    expect(found(await page("?q=hostile"))).toEqual(["hostile-front-matter", "same-day"]);
    // In two titles and a summary: the titles rank first.
    const ties = found(await page("?q=same+day"));
    expect(ties[0]).toBe("same-day");
  });

  it("never finds words inside code blocks", async () => {
    expect(found(await page("?q=printf"))).toEqual([]);
    expect(found(await page("?q=echo"))).toEqual([]);
  });

  it("finds a word from its beginning, and despite a small typo", async () => {
    expect(found(await page("?q=footn"))).toEqual(["long-read"]);
    expect(found(await page("?q=fotnote"))).toEqual(["long-read"]);
    expect(found(await page("?q=introdcution"))).toEqual(["long-read"]);
  });

  it("folds case and accents, so a plain query finds Unicode", async () => {
    expect(found(await page("?q=UNICODE"))).toEqual(["unicode"]);
    expect(found(await page(`?q=${encodeURIComponent("שלום")}`))).toEqual(["unicode"]);
  });

  it("needs every word of the query to match", async () => {
    expect(found(await page("?q=footnote+relative"))).toEqual([]);
    expect(found(await page("?q=relative+links"))).toEqual(["unicode"]);
  });

  it("marks the matched words in the title, dek and a snippet of the text", async () => {
    const body = await page("?q=introduction");
    expect(body).toContain('<p class="snippet">An <mark>introduction</mark> that cites a footnote.');
    const titled = await page("?q=contract");
    expect(titled).toContain("The first <mark>contract</mark>");
  });

  it("keeps to one tag with tag=, and lists a tag's essays without words", async () => {
    expect(found(await page("?q=relative&tag=contracts"))).toEqual(["unicode"]);
    expect(found(await page("?q=relative&tag=files"))).toEqual([]);
    expect(found(await page("?tag=contracts"))).toEqual(["unicode", "first-contract"]);
    expect(await page("?q=links&tag=no-such-tag")).toContain("No essay is tagged <strong>no-such-tag</strong>");
  });

  it("never finds a scheduled essay before its day, nor a draft", async () => {
    expect(found(await page("?q=scheduled"))).toEqual([]);
    expect(found(await page("?q=scheduled", AT_SCHEDULED))).toEqual(["scheduled-essay"]);
    expect(found(await page("?q=unfinished"))).toEqual([]);
  });

  it("pages through many results, ten a page, with links both ways", async () => {
    const many = (query: string) => request(`/search${query}`, {}, { fixture: "many", now: NOW });
    const first = await (await many("?q=essay")).text();
    expect(found(first)).toHaveLength(10);
    expect(first).toContain('<a href="/search?q=essay&amp;page=2" rel="next">Next</a>');
    const last = await (await many("?q=essay&page=3")).text();
    expect(found(last)).toHaveLength(5);
    expect(last).toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
    const beyond = await many("?q=essay&page=9");
    expect(beyond.status).toBe(200);
    expect(await beyond.text()).toContain("There is no page 9: the results end on page 3.");
  });

  it("is never indexed, is cached briefly, and answers 304 to its own ETag", async () => {
    const response = await search("?q=contract");
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const body = await response.text();
    expect(body).toContain('<meta name="robots" content="noindex">');
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{24}"$/);
    expect((await search("?q=contract", { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await search("?q=footnote")).headers.get("etag")).not.toBe(etag);
    // A new epoch may find more: the ETag is of the bytes, and they change.
    expect((await search("?q=files", {}, AT_SCHEDULED)).headers.get("etag")).not.toBe(
      (await search("?q=files")).headers.get("etag"),
    );
  });

  it("is disallowed in robots.txt and not in the sitemap", async () => {
    expect(await (await request("/robots.txt")).text()).toContain("Disallow: /search$\nDisallow: /search?\n");
    expect(await (await request("/sitemap.xml")).text()).not.toContain("/search");
  });

  it("is offered by a labelled search form on every page", async () => {
    const home = await (await request("/")).text();
    expect(home).toContain('<form class="site-search" action="/search" method="get" role="search">');
    expect(home).toContain('<label class="sr-only" for="site-search">Search the essays</label>');
    // The policy lets the form submit to the site itself, and nowhere else.
    expect((await request("/")).headers.get("content-security-policy")).toContain("form-action 'self';");
  });
});

describe("a snippet", () => {
  const shown = (text: string, ...matched: string[]) => {
    const parts = snippet(text, new Set(matched));
    return parts === null ? null : toText(html`${parts}`);
  };

  it("marks the first match however it is written: capitals, apostrophes, accents", () => {
    expect(shown("Nothing here. The CONTRACT held.", "contract")).toBe("Nothing here. The <mark>CONTRACT</mark> held.");
    expect(shown("We don't know.", "dont")).toBe("We <mark>don&#39;t</mark> know.");
    expect(shown("A café, then a cafe.", "cafe")).toBe("A <mark>café</mark>, then a <mark>cafe</mark>.");
    expect(shown("Ünïcödé first", "unicode")).toBe("<mark>Ünïcödé</mark> first");
  });

  it("starts a few words before the match and ends some thirty words on, with … where it cuts", () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    words[50] = "needle";
    const text = shown(words.join(" "), "needle") ?? "";
    expect(text.startsWith("… w42 w43")).toBe(true);
    expect(text).toContain("w49 <mark>needle</mark> w51");
    expect(text.endsWith("w73 …")).toBe(true);
  });

  it("is found for every word of any text, as the index folds it, next to any punctuation", () => {
    expect(shown("“Café” — then", "cafe")).toBe("“<mark>Café</mark>” — then");
    expect(shown("a café—then", "cafe")).toBe("a <mark>café</mark>—then");
    const odd = fc.constantFrom(
      "a",
      "Z",
      "é",
      "e\u0301",
      "'",
      "’",
      " ",
      "-",
      "“",
      "—",
      "\u00a0",
      "ß",
      "Σ",
      "1",
      "ש",
      "🚀",
    );
    fc.assert(
      fc.property(fc.string({ unit: odd, maxLength: 24 }), (text) => {
        for (const word of foldedWords(text))
          expect(shown(text, word), `${JSON.stringify(text)}: ${word}`).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it("is none when only the title or the tags matched", () => {
    expect(shown("Nothing to see here.", "contract")).toBeNull();
    expect(shown("Part of a word: contracts.", "contract")).toBeNull();
  });
});

describe("search, given hostile input", () => {
  const cases: [string, number, string][] = [
    ["empty", 200, "?q="],
    ["no query at all", 200, ""],
    ["only spaces", 200, "?q=%20%20%20"],
    ["control characters", 200, "?q=%00%01foot%07note%1b"],
    ["broken UTF-8", 200, "?q=%ff%fe%ed%a0%80"],
    ["lone surrogate escapes and emoji", 200, "?q=%F0%9F%9A%80%20%E2%80%AE%20rtl"],
    ["only common words", 200, "?q=the+and+of"],
    ["many words", 200, `?q=${"word ".repeat(40)}`],
    ["a regex", 200, "?q=.*%5B(%5C"],
    ["markup", 200, "?q=%3Cscript%3Ealert(1)%3C/script%3E"],
    ["repeated parameters", 200, "?q=contract&q=other&tag=files&tag=x"],
    ["10 KB", 400, `?q=${"a".repeat(10_240)}`],
    ["a tag outside the grammar", 400, "?q=x&tag=%3Cb%3E"],
    ["page zero", 400, "?q=x&page=0"],
    ["a negative page", 400, "?q=x&page=-1"],
    ["a page that is not a number", 400, "?q=x&page=abc"],
    ["an absurd page", 400, "?q=x&page=99999999999999999999"],
    ["a fractional page", 400, "?q=x&page=1.5"],
  ];
  it.each(cases)(
    "answers %s with a %s page in the site's layout, with the security headers",
    async (_what, status, query) => {
      const response = await search(query);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(response.headers.get("x-robots-tag")).toBe("noindex");
      const body = await response.text();
      expect(body).toContain("<h1>Search</h1>");
      expect(body).not.toMatch(/<script>|Error:|at \w+ \(/);
    },
  );

  it("says why a query was refused", async () => {
    const body = await (await search(`?q=${"a".repeat(10_240)}`)).text();
    expect(body).toContain(
      '<p class="search-problem" role="alert">A search may be at most 200 characters long; this one is 10240.</p>',
    );
    expect(body).not.toContain("a".repeat(300));
  });

  it("escapes the query wherever it shows it", async () => {
    const body = await (await search("?q=%3Cscript%3Ealert(1)%3C/script%3E")).text();
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).not.toContain("<script>alert(1)");
  });
});
