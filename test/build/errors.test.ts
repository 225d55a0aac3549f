import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bodyOf, essay, problemsOf, tempPosts, VALID_ESSAY } from "../support/temp-posts.ts";

const problemsFor = (files: Record<string, string | Uint8Array>): string[] => {
  const posts = tempPosts(files);
  try {
    return problemsOf(posts.collect());
  } finally {
    posts.remove();
  }
};

const ESSAY = "2026-01-01-an-essay.md";

describe("build errors name the file and line", () => {
  it("rejects an unknown front-matter key on its line", () => {
    expect(problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"', subtitle: '"x"' }) })).toEqual([
      "posts/2026-01-01-an-essay.md:5: unknown front-matter key `subtitle`: an essay may have title, dek, summary, tags, draft, updated, id, series, toc, aliases",
    ]);
  });

  it("rejects a `date` key: the date comes from the filename only", () => {
    expect(problemsFor({ [ESSAY]: essay({ title: '"T"', date: "2026-01-01", dek: '"D"', summary: '"S"' }) })).toEqual([
      "posts/2026-01-01-an-essay.md:3: remove the `date` key: an essay's date comes from its filename (YYYY-MM-DD-slug.md) and nowhere else",
    ]);
  });

  it("rejects a `date` key on a page too", () => {
    expect(problemsFor({ "about.md": essay({ title: '"About"', date: "2026-01-01" }) })).toEqual([
      "posts/about.md:3: remove the `date` key: a page has no date (name the file YYYY-MM-DD-slug.md to make it an essay)",
    ]);
  });

  it("rejects a missing required key, naming what it is for", () => {
    expect(problemsFor({ [ESSAY]: essay({ title: '"T"', summary: '"S"' }) })).toEqual([
      "posts/2026-01-01-an-essay.md:1: front matter is missing `dek` (the one-line subtitle shown under the title)",
    ]);
  });

  it("rejects wrong types on their lines", () => {
    expect(
      problemsFor({ [ESSAY]: essay({ title: "2026", dek: '"D"', summary: '"S"', tags: "caching", draft: '"yes"' }) }),
    ).toEqual([
      "posts/2026-01-01-an-essay.md:2: `title` must be text (quote it if YAML reads it as a number, date or true/false)",
      "posts/2026-01-01-an-essay.md:5: `tags` must be a list of tag slugs, e.g. [caching, files]",
      "posts/2026-01-01-an-essay.md:6: `draft` must be true or false",
    ]);
  });

  it("rejects an empty title", () => {
    expect(problemsFor({ [ESSAY]: essay({ title: '"  "', dek: '"D"', summary: '"S"' }) })).toEqual([
      "posts/2026-01-01-an-essay.md:2: `title` must not be empty",
    ]);
  });

  it("rejects tags that are not slugs, and a tag listed twice", () => {
    expect(
      problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"', tags: '["ok", "Not OK"]' }) }),
    ).toEqual([
      "posts/2026-01-01-an-essay.md:5: `tags` item 2 must be a tag slug: lowercase a-z0-9 words joined by single hyphens",
    ]);
    expect(problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"', tags: "[a, b, a]" }) })).toEqual([
      "posts/2026-01-01-an-essay.md:5: `tags` lists a tag twice",
    ]);
  });

  it("rejects an `updated` that is not a date or an RFC 3339 date-time", () => {
    for (const updated of ["2026-01-32", "yesterday", "2026-01-02T10:00", "2026-01-02 10:00:00Z"]) {
      expect(problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"', updated }) }), updated).toEqual([
        "posts/2026-01-01-an-essay.md:5: `updated` must be a date (YYYY-MM-DD) or an RFC 3339 date-time with a zone (2026-01-02T09:30:00Z)",
      ]);
    }
  });

  it("rejects a feed `id` that is not an absolute URI", () => {
    expect(problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"', id: '"/writing/old"' }) })).toEqual(
      ["posts/2026-01-01-an-essay.md:5: `id` must be an absolute URI, e.g. https://old.example/posts/slug"],
    );
  });

  it("accepts a feed `id` on another domain or as a tag URI", () => {
    for (const id of ["https://previous.example/posts/x", "tag:fmlops.dev,2026:x"]) {
      const posts = tempPosts({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"', id: JSON.stringify(id) }) });
      try {
        const collected = posts.collect();
        expect(collected.ok && collected.manifest.essays[0]?.id).toBe(id);
      } finally {
        posts.remove();
      }
    }
  });

  it("rejects control characters that no feed could carry, in front matter and in the body", () => {
    expect(
      problemsFor({ [ESSAY]: essay({ title: '"T\\a"', dek: '"D"', summary: '"S"' }, "ok\nfine\nbell \u0001 here\n") }),
    ).toEqual([
      "posts/2026-01-01-an-essay.md:2: `title` contains a control character, which feeds cannot carry: remove it",
    ]);
    expect(
      problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"' }, "ok\nfine\nbell \u0001 here\n") }),
    ).toEqual(["posts/2026-01-01-an-essay.md:8: contains a control character, which feeds cannot carry: remove it"]);
  });

  it("rejects an `updated` earlier than the essay's date", () => {
    expect(
      problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"', updated: "2025-12-31" }) }),
    ).toEqual([
      "posts/2026-01-01-an-essay.md:5: `updated` (2025-12-31) is before the essay's date (2026-01-01) from its filename",
    ]);
  });

  it("rejects YAML that does not parse, on the line where it breaks", () => {
    expect(problemsFor({ [ESSAY]: '---\ntitle: "T"\ntitle: "again"\n---\nBody\n' })).toEqual([
      "posts/2026-01-01-an-essay.md:3: front matter is not valid YAML: duplicated mapping key",
    ]);
  });

  it("rejects front matter that is not a mapping", () => {
    expect(problemsFor({ [ESSAY]: "---\n- a\n- b\n---\nBody\n" })).toEqual([
      "posts/2026-01-01-an-essay.md:1: front matter must be a YAML mapping of keys to values",
    ]);
  });

  it("rejects front matter in any language but YAML, without evaluating it", () => {
    expect(
      problemsFor({ [ESSAY]: "---js\n{ title: (() => { throw new Error('evaluated') })() }\n---\nBody\n" }),
    ).toEqual(['posts/2026-01-01-an-essay.md:1: front matter must be YAML: remove "js" after the opening ---']);
    expect(problemsFor({ [ESSAY]: '---json\n{"title": "T"}\n---\nBody\n' })).toEqual([
      'posts/2026-01-01-an-essay.md:1: front matter must be YAML: remove "json" after the opening ---',
    ]);
  });

  it("rejects a title or dek over more than one line", () => {
    expect(problemsFor({ [ESSAY]: '---\ntitle: "T"\ndek: |\n  one\n  two\nsummary: "S"\n---\nBody\n' })).toEqual([
      "posts/2026-01-01-an-essay.md:3: `dek` must be one line",
    ]);
  });

  it("rejects two essays with one feed id, which readers would merge", () => {
    expect(
      problemsFor({
        "2026-01-01-old.md": essay({ title: '"T"', dek: '"D"', summary: '"S"' }),
        "2026-02-01-renamed.md": essay({
          title: '"T"',
          dek: '"D"',
          summary: '"S"',
          id: '"https://fmlops.dev/writing/old"',
        }),
      }),
    ).toEqual([
      "posts/2026-02-01-renamed.md:5: has the feed id https://fmlops.dev/writing/old, which posts/2026-01-01-old.md already has: feed readers would take them for one essay; give this one its own `id`",
    ]);
  });

  it("rejects a feed id holding a control character", () => {
    expect(
      problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"', id: '"tag:x,2026:\\x01y"' }) }),
    ).toEqual(["posts/2026-01-01-an-essay.md:5: `id` must be an absolute URI, e.g. https://old.example/posts/slug"]);
  });

  it("rejects a post that gives two elements one id, so a #fragment could not say which", () => {
    expect(
      problemsFor({
        [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"' }, "Text.[^1]\n\n## Footnote 1\n\n[^1]: The note.\n"),
      }),
    ).toEqual([
      'posts/2026-01-01-an-essay.md:6: gives two elements the id "footnote-1" (a heading and a footnote?): rename one',
    ]);
  });

  it("rejects a folder in posts/", () => {
    const posts = tempPosts({ [ESSAY]: VALID_ESSAY });
    try {
      mkdirSync(join(posts.postsDir, "drafts"));
      expect(problemsOf(posts.collect())).toEqual([
        "posts/drafts: is not a file: posts/ holds only YYYY-MM-DD-slug.md essays and slug.md pages, with no folders",
      ]);
    } finally {
      posts.remove();
    }
  });

  it("rejects a post with no front matter at all", () => {
    expect(problemsFor({ "about.md": "Just text.\n" })).toEqual([
      "posts/about.md:1: front matter is missing `title` (the page's title)",
    ]);
  });

  it("rejects an empty body, on the line where the body should start", () => {
    expect(problemsFor({ [ESSAY]: essay({ title: '"T"', dek: '"D"', summary: '"S"' }, "\n  \n") })).toEqual([
      "posts/2026-01-01-an-essay.md:6: has no body: write the essay's text below the closing --- of the front matter",
    ]);
  });

  it("rejects invalid UTF-8 on the line that holds it", () => {
    const bytes = Buffer.concat([Buffer.from(VALID_ESSAY), Buffer.from("caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    expect(problemsFor({ [ESSAY]: bytes })).toEqual([
      "posts/2026-01-01-an-essay.md:7: is not valid UTF-8: save the file as UTF-8",
    ]);
  });

  it("rejects two essays with the same slug, naming both files", () => {
    expect(problemsFor({ "2026-01-01-same.md": VALID_ESSAY, "2026-02-01-same.md": VALID_ESSAY })).toEqual([
      'posts/2026-02-01-same.md: has the slug "same" that posts/2026-01-01-same.md already uses: both would be /writing/same; rename one',
    ]);
  });

  it.each(["writing", "tags", "series", "feed", "rss", "archive"])(
    "rejects a page named %s, which the site's routes or redirects own",
    (slug) => {
      expect(problemsFor({ [`${slug}.md`]: essay({ title: '"W"' }) })).toEqual([
        `posts/${slug}.md: the page slug "${slug}" is a route the site owns (/${slug}/); rename the file`,
      ]);
    },
  );

  it("rejects a page whose slug a static asset already takes", () => {
    const posts = tempPosts({ "images.md": essay({ title: '"I"' }) });
    try {
      mkdirSync(join(posts.publicDir, "images"));
      expect(problemsOf(posts.collect())).toEqual([
        'posts/images.md: the page slug "images" is taken by public/images, which would be served instead; rename one',
      ]);
    } finally {
      posts.remove();
    }
  });

  it("rejects anything in posts/ that is not a post, instead of ignoring it", () => {
    expect(problemsFor({ "notes.txt": "x", "Draft Essay.md": VALID_ESSAY })).toEqual([
      "posts/Draft Essay.md: not a valid post filename: name essays YYYY-MM-DD-slug.md and pages slug.md, where slug is lowercase a-z and 0-9 words joined by single hyphens",
      "posts/notes.txt: only Markdown posts belong in posts/ (static files go in public/); name essays YYYY-MM-DD-slug.md and pages slug.md, where slug is lowercase a-z and 0-9 words joined by single hyphens",
    ]);
  });

  it("reports every problem of a run together, across files", () => {
    const problems = problemsFor({
      "2026-01-01-one.md": essay({ title: '"T"', summary: '"S"' }),
      "2026-01-02-two.md": essay({ title: '"T"', dek: '"D"', summary: '"S"', colour: "blue", updated: "nope" }),
      "readme.txt": "x",
    });
    expect(problems.map((p) => p.split(": ")[0])).toEqual([
      "posts/2026-01-01-one.md:1",
      "posts/2026-01-02-two.md:5",
      "posts/2026-01-02-two.md:6",
      "posts/readme.txt",
    ]);
  });
});

describe("accepted input", () => {
  it("accepts a UTF-8 byte-order mark and CRLF line endings", () => {
    const posts = tempPosts({ "2026-01-01-windows.md": `\uFEFF${VALID_ESSAY.replaceAll("\n", "\r\n")}` });
    try {
      const collected = posts.collect();
      expect(collected.ok && collected.manifest.essays[0]?.title).toBe("A title");
      expect(bodyOf(collected).html).toBe("<p>Some words of the essay.</p>\n");
    } finally {
      posts.remove();
    }
  });

  it("reports lines correctly in a file with CRLF line endings", () => {
    const crlf = essay({ title: '"T"', dek: '"D"', summary: '"S"', oops: "1" }).replaceAll("\n", "\r\n");
    expect(problemsFor({ [ESSAY]: crlf })[0]).toMatch(
      /^posts\/2026-01-01-an-essay\.md:5: unknown front-matter key `oops`/,
    );
  });

  it("normalises an `updated` date-time to UTC and keeps a plain date as written", () => {
    const posts = tempPosts({
      "2026-01-01-a.md": essay({ title: '"A"', dek: '"D"', summary: '"S"', updated: "2026-03-01T01:30:00+02:00" }),
      "2026-01-01-b.md": essay({ title: '"B"', dek: '"D"', summary: '"S"', updated: "2026-03-01" }),
    });
    try {
      const collected = posts.collect();
      expect(collected.ok && collected.manifest.essays.map((e) => e.updated)).toEqual([
        "2026-02-28T23:30:00Z",
        "2026-03-01",
      ]);
    } finally {
      posts.remove();
    }
  });
});
