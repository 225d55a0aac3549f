import { describe, expect, it } from "vitest";
import { feedCopy } from "../../src/worker/feeds/feed-copy.ts";

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
    ['<A HREF = "/about/">x</A>', '<A HREF="https://fmlops.dev/about/">x</A>'],
    ['<a href="/caf&#233;">c</a>', '<a href="https://fmlops.dev/caf&#233;">c</a>'],
    ["<p>See <a href='/about/'>about</a>.</p>", '<p>See <a href="https://fmlops.dev/about/">about</a>.</p>'],
    [
      '<!-- <a href="/x"> --><p><a href="/y">y</a></p>',
      '<!-- <a href="/x"> --><p><a href="https://fmlops.dev/y">y</a></p>',
    ],
  ])("rewrites %s", async (input, output) => {
    expect(await feedCopy(input, PAGE)).toBe(output);
  });

  it.each(['<a href="https://example.com/x?a=1&amp;b=2">x</a>', '<a href="mailto:a@example.com">m</a>'])(
    "leaves %s as it is",
    async (input) => {
      expect(await feedCopy(input, PAGE)).toBe(input);
    },
  );

  it("keeps every byte outside the attributes it rewrites: text, entities, code and void elements", async () => {
    const html =
      '<p>a &lt;b&gt; &amp; "c"<br>d</p>\n<pre tabindex="0"><code class="language-ts">if (a &lt; b) {}\n</code></pre>\n';
    expect(await feedCopy(html, PAGE)).toBe(html);
  });
});
