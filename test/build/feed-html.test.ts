import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
import { absolutizeHtml, shippedFeedHtml } from "../../src/build/feed-html.ts";
import { renderMarkdown } from "../../src/build/markdown/render.ts";
import { absoluteUrlsIn } from "../../src/urls.ts";
import { ROOT } from "../support/project-copy.ts";

const PAGE = "https://fmlops.dev/writing/an-essay";

describe("absolute URLs for feed readers", () => {
  it.each([
    ['<a href="/about/">x</a>', '<a href="https://fmlops.dev/about/">x</a>'],
    ['<a href="other">x</a>', '<a href="https://fmlops.dev/writing/other">x</a>'],
    ['<a href="#fn-1">1</a>', '<a href="https://fmlops.dev/writing/an-essay#fn-1">1</a>'],
    ['<a href="../tags/x/">x</a>', '<a href="https://fmlops.dev/tags/x/">x</a>'],
    ['<img src="/a.png" alt="">', '<img src="https://fmlops.dev/a.png" alt="">'],
    ['<img srcset="/a.png 1x, /b.png 2x">', '<img srcset="https://fmlops.dev/a.png 1x, https://fmlops.dev/b.png 2x">'],
    ['<blockquote cite="/source">q</blockquote>', '<blockquote cite="https://fmlops.dev/source">q</blockquote>'],
    ['<video poster="/p.png"></video>', '<video poster="https://fmlops.dev/p.png"></video>'],
    ["<a class='x' href='q?a=1&amp;b=2'>q</a>", `<a class='x' href="https://fmlops.dev/writing/q?a=1&amp;b=2">q</a>`],
    ["<img alt=x src=/a.png>", '<img alt=x src="https://fmlops.dev/a.png">'],
    ['<A HREF = "/about/">x</A>', '<A href="https://fmlops.dev/about/">x</A>'],
  ])("rewrites %s", (input, output) => {
    expect(absolutizeHtml(input, PAGE)).toBe(output);
  });

  it.each(['<a href="https://example.com/x?a=1&amp;b=2">x</a>', '<a href="mailto:a@example.com">m</a>'])("leaves %s as it is", (input) => {
    expect(absolutizeHtml(input, PAGE)).toBe(input);
  });

  it("keeps every byte outside the attributes it rewrites: text, entities, code and void elements", () => {
    const html = '<p>a &lt;b&gt; &amp; "c"<br>d</p>\n<pre tabindex="0"><code class="language-ts">if (a &lt; b) {}\n</code></pre>\n';
    expect(absolutizeHtml(html, PAGE)).toBe('<p>a &lt;b&gt; &amp; "c"<br>d</p>\n<pre tabindex="0"><code class="language-ts">if (a &lt; b) {}\n</code></pre>\n');
  });
});

describe("the feed copy the manifest ships", () => {
  it.each([
    ['<p><a href="/about/">x</a> <img src="a.png" srcset="/a.png 1x, /b.png 2x" alt=""></p>', "the renderer's double-quoted attributes"],
    ['<pre><code>if (a &lt; b) {}</code></pre><a href="#fn-1">1</a>', "fragments and escaped code"],
  ])("is null for %s (%s): the Worker's string rewrite gives the parser's bytes", (html) => {
    expect(shippedFeedHtml(html, PAGE, true)).toBeNull();
    expect(shippedFeedHtml(html, PAGE, false)).toBeNull();
    expect(absoluteUrlsIn(html, PAGE)).toBe(absolutizeHtml(html, PAGE));
  });

  it("is the parser's own copy for raw HTML inside a footnote", () => {
    const { html, rawHtml } = renderMarkdown("Text.[^1]\n\n[^1]: See <a href='/about/'>about</a>.\n");
    expect(shippedFeedHtml(html, PAGE, rawHtml)).toContain(`href="https://fmlops.dev/about/"`);
  });

  it("is the parser's own copy for a rendered link whose URL holds an entity, though the post has no raw HTML", () => {
    const { html, rawHtml } = renderMarkdown("[next page](/writing/?page=2&sort=new)\n");
    expect(rawHtml).toBe(false);
    expect(shippedFeedHtml(html, PAGE, rawHtml)).toBe(absolutizeHtml(html, PAGE));
    expect(shippedFeedHtml(html, PAGE, rawHtml)).toContain('href="https://fmlops.dev/writing/?page=2&amp;sort=new"');
  });

  // What lets the build skip parsing for a post without raw HTML: the renderer's own markup never
  // makes the two rewrites differ. Held here for every such post the tests and the bench render.
  it("comes out the same from the string rewrite and from parsing for every fixture post, real post and corpus essay without raw HTML", () => {
    const bodyOf = (text: string): string => text.replace(/^---\n[\s\S]*?\n---\n/, "");
    const sources = [
      ...["test/fixtures/posts", "posts"].flatMap((dir) => readdirSync(join(ROOT, dir)).map((name) => bodyOf(readFileSync(join(ROOT, dir, name), "utf8")))),
      ...generateCorpus(60).map((essay) => essay.body),
    ];
    const rendered = sources.map((source) => renderMarkdown(source)).filter((result) => !result.rawHtml);
    expect(rendered.length).toBeGreaterThan(60);
    for (const { html } of rendered) {
      const parsed = absolutizeHtml(html, PAGE);
      expect(absoluteUrlsIn(html, PAGE)).toBe(parsed);
      expect(shippedFeedHtml(html, PAGE, false)).toBeNull();
    }
  });

  it.each([
    ["<a href='/about/'>single quotes</a>"],
    ["<img src=/a.png alt=x>"],
    ['<a href="?page=2&amp;sort=new">an entity</a>'],
    ['<A HREF="/about/">capitals</A>'],
    ['<!-- <a href="/x"> --><p>a comment</p>'],
  ])("is the parser's own copy for %s, where the string rewrite would differ", (html) => {
    expect(absoluteUrlsIn(html, PAGE)).not.toBe(absolutizeHtml(html, PAGE));
    expect(shippedFeedHtml(html, PAGE, true)).toBe(absolutizeHtml(html, PAGE));
  });
});
