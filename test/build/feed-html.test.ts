import { describe, expect, it } from "vitest";
import { absolutizeHtml } from "../../src/generator/feed-html.ts";
import { readPost } from "../../src/generator/post.ts";
import { essay } from "../support/temp-posts.ts";

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

  it.each(['<a href="https://example.com/x?a=1&amp;b=2">x</a>', '<a href="mailto:a@example.com">m</a>'])(
    "leaves %s as it is",
    (input) => {
      expect(absolutizeHtml(input, PAGE)).toBe(input);
    },
  );

  it("keeps every byte outside the attributes it rewrites: text, entities, code and void elements", () => {
    const html =
      '<p>a &lt;b&gt; &amp; "c"<br>d</p>\n<pre tabindex="0"><code class="language-ts">if (a &lt; b) {}\n</code></pre>\n';
    expect(absolutizeHtml(html, PAGE)).toBe(
      '<p>a &lt;b&gt; &amp; "c"<br>d</p>\n<pre tabindex="0"><code class="language-ts">if (a &lt; b) {}\n</code></pre>\n',
    );
  });
});

describe("the feed copy the manifest ships", () => {
  const feedCopyOf = (body: string): { readonly html: string; readonly feedHtml: string } => {
    const result = readPost(
      "posts/2026-01-01-an-essay.md",
      new TextEncoder().encode(essay({ title: "T", dek: "D", summary: "S." }, body)),
      { kind: "essay", date: "2026-01-01", slug: "an-essay" },
    );
    if (!result.ok || result.kind !== "essay") throw new Error("the essay does not build");
    return result.entry;
  };

  it("is the parser's copy for raw HTML inside a footnote", () => {
    expect(feedCopyOf("Text.[^1]\n\n[^1]: See <a href='/about/'>about</a>.\n").feedHtml).toContain(
      `href="https://fmlops.dev/about/"`,
    );
  });

  it("keeps an entity in a rendered link's URL an entity", () => {
    const { html, feedHtml } = feedCopyOf("[next page](/writing/?page=2&sort=new)\n");
    expect(feedHtml).toBe(absolutizeHtml(html, PAGE));
    expect(feedHtml).toContain('href="https://fmlops.dev/writing/?page=2&amp;sort=new"');
  });

  it.each([
    ["<a href='/about/'>single quotes</a>"],
    ["<img src=/a.png alt=x>"],
    ['<a href="?page=2&amp;sort=new">an entity</a>'],
    ['<A HREF="/about/">capitals</A>'],
    ['<!-- <a href="/x"> --><p>a comment</p>'],
  ])("is the parser's copy for %s", (raw) => {
    const { html, feedHtml } = feedCopyOf(`${raw}\n`);
    expect(feedHtml).toBe(absolutizeHtml(html, PAGE));
  });
});
