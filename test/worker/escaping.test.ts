import { describe, expect, it } from "vitest";
import { request } from "./app.ts";

const HOSTILE_PATHS = ["/", "/writing/", "/writing/hostile-front-matter"];

describe("front matter is escaped everywhere", () => {
  it.each(HOSTILE_PATHS)("on %s no front-matter text becomes markup", async (path) => {
    const body = await (await request(path)).text();
    expect(body).not.toContain('<script>alert("title")</script>');
    expect(body).not.toContain("<img src=x");
    expect(body).not.toContain("<b>bold?</b>");
    expect(body).not.toContain("<!-- comment -->");
    expect(body).toContain(
      "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot; &#39;too&#39;",
    );
    expect(body).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; a dek");
  });

  it("escapes the title inside the <title> element and the summary inside an attribute", async () => {
    const body = await (await request("/writing/hostile-front-matter")).text();
    expect(body).toContain(
      "<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot; &#39;too&#39; · fmlops.dev</title>",
    );
    expect(body).toContain(
      '<meta name="description" content="&lt;/p&gt;&lt;b&gt;bold?&lt;/b&gt; &amp; &quot;summary&quot; ]]&gt; &lt;!-- comment --&gt;">',
    );
  });

  it("escapes the title inside the aria-label of the index's Read link", async () => {
    const body = await (await request("/writing/")).text();
    expect(body).toContain(
      'aria-label="Read &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot; &#39;too&#39;"',
    );
  });

  it("inserts the build-rendered body as HTML: the author's Markdown is trusted", async () => {
    const body = await (await request("/writing/hostile-front-matter")).text();
    expect(body).toContain("The body may hold <em>raw HTML</em>");
  });
});
