import { Marked } from "marked";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/generator/markdown/render.ts";

/** The href or src attributes in some HTML, in order. */
const urlsOf = (html: string): string[] => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? "");

describe("code blocks", () => {
  it("are highlighted at build time with classes, never inline styles", () => {
    const { html } = renderMarkdown("```typescript\nconst a: number = 1; // note\n```\n");
    expect(html).toBe(
      '<pre tabindex="0"><code class="hljs language-typescript"><span class="hljs-keyword">const</span> <span class="hljs-attr">a</span>: <span class="hljs-built_in">number</span> = <span class="hljs-number">1</span>; <span class="hljs-comment">// note</span>\n</code></pre>\n',
    );
    expect(html).not.toContain("style=");
  });

  it("accept the names authors write: ts, sh, yml, toml, html", () => {
    for (const lang of ["ts", "sh", "yml", "toml", "html", "py", "json", "diff"]) {
      expect(renderMarkdown(`\`\`\`${lang}\nx = 1\n\`\`\`\n`).html, lang).toContain(
        `<code class="hljs language-${lang}">`,
      );
    }
  });

  it("in an unknown language are a plain escaped <pre>, with no highlighting", () => {
    expect(renderMarkdown('```klingon\n<not> & "code"\n```\n').html).toBe(
      '<pre tabindex="0"><code>&lt;not&gt; &amp; &quot;code&quot;\n</code></pre>\n',
    );
  });

  it("without a language are a plain escaped <pre>", () => {
    expect(renderMarkdown("```\n<b>\n```\n").html).toBe('<pre tabindex="0"><code>&lt;b&gt;\n</code></pre>\n');
  });
});

describe("headings", () => {
  it("get stable GitHub-style ids, distinct for duplicates, and a visible anchor link", () => {
    const { html, headings } = renderMarkdown("## Why it broke\n\n## Why it broke\n\n### The `fix`, really\n");
    expect(headings).toEqual([
      { level: 2, id: "why-it-broke", text: "Why it broke" },
      { level: 2, id: "why-it-broke-1", text: "Why it broke" },
      { level: 3, id: "the-fix-really", text: "The fix, really" },
    ]);
    expect(html).toContain(
      '<h2 id="why-it-broke">Why it broke<a class="heading-anchor" href="#why-it-broke" aria-hidden="true" tabindex="-1">#</a></h2>',
    );
    expect(html).toContain(
      '<h3 id="the-fix-really">The <code>fix</code>, really<a class="heading-anchor" href="#the-fix-really"',
    );
  });

  it("start their ids afresh in every document", () => {
    renderMarkdown("## Intro\n");
    expect(renderMarkdown("## Intro\n").headings[0]?.id).toBe("intro");
  });

  it("carry no section number in their text or id: numbering is the stylesheet's", () => {
    expect(renderMarkdown("## First\n").html).toMatch(/^<h2 id="first">First</);
  });
});

describe("footnotes", () => {
  it("link to their note and back, in every document rendered after another", () => {
    renderMarkdown("One.[^a]\n\n[^a]: First document.\n");
    const { html } = renderMarkdown("Two.[^b]\n\n[^b]: Second document.\n");
    expect(html).toContain(
      '<a id="footnote-ref-b" href="#footnote-b" data-footnote-ref aria-describedby="footnote-label">1</a>',
    );
    expect(html).toContain('<li id="footnote-b">');
    expect(html).toContain('<a href="#footnote-ref-b" data-footnote-backref aria-label="Back to reference b">↩</a>');
  });
});

describe("links and images", () => {
  it("mark links to other sites as external, and leave the site's own alone", () => {
    const { html } = renderMarkdown("[out](https://example.com/x) [in](/about/) [self](https://fmlops.dev/about/)\n");
    expect(html).toBe(
      '<p><a href="https://example.com/x" rel="external noopener">out</a> <a href="/about/">in</a> <a href="https://fmlops.dev/about/">self</a></p>\n',
    );
  });

  it("load images lazily, with their alt text and title escaped for an attribute", () => {
    expect(renderMarkdown('See ![a "cat" & <dog>](/c.png "The \\"title\\"").\n').html).toBe(
      '<p>See <img src="/c.png" alt="a &quot;cat&quot; &amp; &lt;dog&gt;" title="The &quot;title&quot;" loading="lazy" decoding="async">.</p>\n',
    );
  });

  it("have their destinations encoded exactly as marked's own renderer encodes them", () => {
    const source = [
      "A [reference][search] link with brackets in its query.",
      "",
      "A bare URL with escapes: https://example.com/a\\_b\\_c and <https://example.com/x y>.",
      "",
      '[spaces](</a b/c d.png>) ![pic](</images/a b.png>) [quote](/q?x="y") [caf](/café) [pct](/a%20b)',
      "",
      "[search]: https://example.com/search?q=[a]&tags[]=b",
      "",
    ].join("\n");
    const ours = urlsOf(renderMarkdown(source).html);
    expect(ours).toEqual(urlsOf(new Marked({ gfm: true }).parse(source, { async: false })));
    expect(ours).toContain("https://example.com/search?q=%5Ba%5D&amp;tags%5B%5D=b");
    expect(ours).toContain("https://example.com/a%5C_b%5C_c");
    expect(ours).toContain("/images/a%20b.png");
  });

  it("are reported with the line they are on, raw HTML included", () => {
    const source = 'Intro.\n\nSee [one](/one) and\n[two](/two).\n\n![pic](/p.png)\n\n<p><a href="/raw">raw</a></p>\n';
    expect(renderMarkdown(source, 10).references).toEqual([
      { kind: "link", url: "/one", line: 12 },
      { kind: "link", url: "/two", line: 13 },
      { kind: "image", url: "/p.png", alt: "pic", line: 15 },
      { kind: "link", url: "/raw", line: 17 },
    ]);
  });

  it("are found in footnotes too, once each, with their raw HTML", () => {
    const { references, words } = renderMarkdown(
      "Text.[^1]\n\n[^1]: See <a href='/raw/'>raw</a> and [one](/one).\n",
      10,
    );
    expect(references).toEqual([
      { kind: "link", url: "/raw/", line: 12 },
      { kind: "link", url: "/one", line: 12 },
    ]);
    expect(words).toBe(5);
  });
});

describe("images", () => {
  const sizes = (src: string) => (src.startsWith("/known") ? { width: 640, height: 480 } : null);

  it("carry the width and height of their file, when it is known, so the page does not shift as they load", () => {
    const { html, images } = renderMarkdown("![one](/known.png) ![two](https://example.com/x.png)\n", 1, sizes);
    expect(html).toBe(
      '<p><img src="/known.png" alt="one" width="640" height="480" loading="lazy" decoding="async"> <img src="https://example.com/x.png" alt="two" loading="lazy" decoding="async"></p>\n',
    );
    expect(images).toEqual([
      ["/known.png", { width: 640, height: 480 }],
      ["https://example.com/x.png", null],
    ]);
  });

  it("with a title, alone in their paragraph, are figures captioned by the title", () => {
    expect(renderMarkdown('![A chart](/known.png "Requests per second, <b>before</b> & after")\n', 1, sizes).html).toBe(
      '<figure><img src="/known.png" alt="A chart" width="640" height="480" loading="lazy" decoding="async"><figcaption>Requests per second, &lt;b&gt;before&lt;/b&gt; &amp; after</figcaption></figure>\n',
    );
  });

  it("without a title, or beside other text, stay images in their paragraph", () => {
    expect(renderMarkdown("![A chart](/known.png)\n").html).toBe(
      '<p><img src="/known.png" alt="A chart" loading="lazy" decoding="async"></p>\n',
    );
    expect(renderMarkdown('Look: ![A chart](/known.png "Caption")\n').html).toMatch(
      /^<p>Look: <img [^>]* title="Caption"/,
    );
  });
});

describe("tables", () => {
  it("align their columns with classes the stylesheet styles, never the obsolete align attribute", () => {
    expect(renderMarkdown("| a | b | c |\n| :-- | :-: | --: |\n| 1 | 2 | 3 |\n").html).toBe(
      '<table>\n<thead>\n<tr>\n<th class="align-left">a</th>\n<th class="align-center">b</th>\n<th class="align-right">c</th>\n</tr>\n</thead>\n<tbody><tr>\n<td class="align-left">1</td>\n<td class="align-center">2</td>\n<td class="align-right">3</td>\n</tr>\n</tbody></table>\n',
    );
  });
});

describe("word count", () => {
  it("counts prose and leaves code blocks out", () => {
    expect(renderMarkdown("One two three.\n\n```bash\nfour five six seven\n```\n\n- eight\n- nine `ten`\n").words).toBe(
      6,
    );
  });
});

describe("ids", () => {
  it("of headings never take an id the layout gives the page", () => {
    expect(renderMarkdown("## Main\n\n## Toc title\n").headings.map((h) => h.id)).toEqual(["main-1", "toc-title-1"]);
  });
});
