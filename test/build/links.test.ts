import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Collected } from "../../src/generator/collect.ts";
import { essay, problemsOf, tempPosts, type Files, type TempPosts } from "../support/temp-posts.ts";

let posts: TempPosts | undefined;
afterEach(() => posts?.remove());

const post = (body: string, extra: Record<string, string> = {}): string =>
  essay({ title: '"T"', dek: '"D"', summary: '"S"', ...extra }, body);
// A test may make several folders: each replaces (and removes) the one before, the last goes after it.
const collect = (files: Files, today?: string): Collected => {
  posts?.remove();
  posts = tempPosts(files, today);
  return posts.collect();
};
const problems = (files: Files, today?: string): string[] => problemsOf(collect(files, today));
const passes = (files: Files, today?: string): boolean => collect(files, today).ok;

const COUNTED = "the ids of headings, footnotes and id attributes count; <a name> anchors do not";
const TARGET = { "2026-01-01-target.md": post("## A heading\n\nText.[^n]\n\n[^n]: A note.\n") };

describe("internal links", () => {
  it("must reach a page the site serves, reported on their line", () => {
    expect(
      problems({
        ...TARGET,
        "2026-02-01-source.md": post("Fine: [t](/writing/target).\n\nBroken: [x](/writing/no-such-essay).\n"),
      }),
    ).toEqual(["posts/2026-02-01-source.md:8: links to /writing/no-such-essay, which does not exist on this site"]);
  });

  it("are resolved like a browser would, relative links included", () => {
    expect(
      passes({
        ...TARGET,
        "2026-02-01-source.md": post("[t](target) [index](../writing/) [md](target.md) [feed](feed.xml)\n"),
      }),
    ).toBe(true);
    expect(problems({ ...TARGET, "2026-02-01-source.md": post("[t](targett)\n") })).toEqual([
      "posts/2026-02-01-source.md:6: links to targett, which does not exist on this site",
    ]);
  });

  it("reach pages, tags, series and static files", () => {
    const files = {
      "2026-01-01-target.md": post("x", { tags: "[files]", series: "demo" }),
      "about.md": essay({ title: '"About"' }, "About.\n"),
      "2026-02-01-source.md": post(
        "[a](/about/) [t](/tags/files/) [tf](/tags/files/feed.xml) [s](/series/demo/) [all](/series/) [css](/style.css) [map](/sitemap.xml)\n",
      ),
    };
    expect(passes(files)).toBe(true);
  });

  it("must not go through a redirect", () => {
    expect(
      problems({ "about.md": essay({ title: '"About"' }, "x"), "2026-02-01-source.md": post("[a](/about)\n") }),
    ).toEqual(["posts/2026-02-01-source.md:6: links to /about, which redirects: link to /about/ instead"]);
    expect(
      problems({
        "2026-01-01-target.md": post("x", { aliases: "[/old/]" }),
        "2026-02-01-source.md": post("[o](/old/)\n"),
      }),
    ).toEqual([
      "posts/2026-02-01-source.md:6: links to /old/, an old path that redirects: link to /writing/target instead",
    ]);
  });

  it("from a published post must not reach a draft", () => {
    expect(
      problems({
        "2026-01-01-target.md": post("x", { draft: "true" }),
        "2026-02-01-source.md": post("[d](/writing/target)\n"),
      }),
    ).toEqual([
      "posts/2026-02-01-source.md:6: links to /writing/target, which is a draft (the essay posts/2026-01-01-target.md): publish it first, or remove the link",
    ]);
    expect(
      problems({
        "2026-01-01-target.md": post("x", { draft: "true", tags: "[only-drafts]" }),
        "about.md": essay({ title: '"A"' }, "[t](/tags/only-drafts/)\n"),
      }),
    ).toEqual([
      "posts/about.md:4: links to /tags/only-drafts/, which is a draft (the tag only-drafts): publish it first, or remove the link",
    ]);
  });

  it("from a draft may reach another draft", () => {
    expect(
      passes({
        "2026-01-01-target.md": post("x", { draft: "true" }),
        "2026-02-01-source.md": post("[d](/writing/target)\n", { draft: "true" }),
      }),
    ).toBe(true);
  });

  it("must not reach an essay still scheduled after the linking one goes live", () => {
    const files = {
      "2027-03-01-later.md": post("x"),
      "2026-02-01-source.md": post("[l](/writing/later)\n"),
      "about.md": essay({ title: '"A"' }, "[l](/writing/later)\n"),
    };
    expect(problems(files, "2026-11-25")).toEqual([
      "posts/2026-02-01-source.md:6: links to /writing/later, which is scheduled for 2027-03-01, after this essay goes live (2026-11-25): it would be a 404 until then",
      "posts/about.md:4: links to /writing/later, which is scheduled for 2027-03-01, after today: it would be a 404 until then",
    ]);
  });

  it("may point forward in time once the target is public, or from a post scheduled even later", () => {
    const files = { "2026-03-01-later.md": post("x"), "2026-02-01-source.md": post("[l](/writing/later)\n") };
    expect(passes(files, "2026-11-25")).toBe(true);
    expect(
      passes({ "2027-03-01-later.md": post("x"), "2027-04-01-source.md": post("[l](/writing/later)\n") }, "2026-11-25"),
    ).toBe(true);
  });

  it("must name a heading or footnote that exists when they carry a #fragment", () => {
    const source = post(
      "[ok](/writing/target#a-heading) [note](/writing/target#footnote-n) [bad](/writing/target#nope) [self](#nowhere)\n",
    );
    expect(problems({ ...TARGET, "2026-02-01-source.md": source })).toEqual([
      `posts/2026-02-01-source.md:6: links to /writing/target#nope, but the essay posts/2026-01-01-target.md has no element with the id "nope" (${COUNTED})`,
      `posts/2026-02-01-source.md:6: links to #nowhere, but the essay posts/2026-02-01-source.md has no element with the id "nowhere" (${COUNTED})`,
    ]);
  });

  it("may name an id attribute of raw HTML, in either quotes, but not an <a name>, and say which count", () => {
    const target = post(`<p><span id="double">a</span> <span id='single'>b</span> <a name="legacy"></a></p>\n`);
    const source = post("[d](/writing/target#double) [s](/writing/target#single) [n](/writing/target#legacy)\n");
    expect(problems({ "2026-01-01-target.md": target, "2026-02-01-source.md": source })).toEqual([
      `posts/2026-02-01-source.md:6: links to /writing/target#legacy, but the essay posts/2026-01-01-target.md has no element with the id "legacy" (${COUNTED})`,
    ]);
  });

  it("written as raw HTML are checked too", () => {
    expect(problems({ "2026-02-01-source.md": post('<p><a href="/writing/gone">gone</a></p>\n') })).toEqual([
      "posts/2026-02-01-source.md:6: links to /writing/gone, which does not exist on this site",
    ]);
  });

  it("to other sites, mail and the site's own absolute URLs are handled: only the last is checked", () => {
    expect(
      passes({
        "2026-02-01-source.md": post(
          "[x](https://example.com/nope) [m](mailto:a@b.c) [s](https://fmlops.dev/writing/)\n",
        ),
      }),
    ).toBe(true);
    expect(problems({ "2026-02-01-source.md": post("[s](https://fmlops.dev/nope/)\n") })).toEqual([
      "posts/2026-02-01-source.md:6: links to https://fmlops.dev/nope/, which does not exist on this site",
    ]);
  });
});

describe("images", () => {
  it("from the site must exist in public/, reported on their line", () => {
    expect(
      problems({ "2026-02-01-source.md": post("Fine: ![card](/og-default.png)\n\n![missing](/images/missing.png)\n") }),
    ).toEqual([
      "posts/2026-02-01-source.md:8: shows the image /images/missing.png, which does not exist: put the file at public/images/missing.png",
    ]);
  });

  it("must not reach a file of public/ that no reader gets: _headers, or an essay's body", () => {
    posts = tempPosts({ "2026-02-01-source.md": post("[h](/_headers) [b](/_bodies/x.json)\n") });
    mkdirSync(join(posts.publicDir, "_bodies"));
    writeFileSync(join(posts.publicDir, "_bodies", "x.json"), "{}");
    writeFileSync(join(posts.publicDir, "_headers"), "/*\n");
    expect(problemsOf(posts.collect())).toEqual([
      "posts/2026-02-01-source.md:6: links to /_headers, which does not exist on this site",
      "posts/2026-02-01-source.md:6: links to /_bodies/x.json, which does not exist on this site",
    ]);
  });

  it("from other sites are not checked", () => {
    expect(passes({ "2026-02-01-source.md": post("![x](https://example.com/x.png)\n") })).toBe(true);
  });
});

describe("aliases", () => {
  it("must not be a URL the site serves, in either slash form", () => {
    expect(
      problems({
        "about.md": essay({ title: '"A"' }, "x"),
        "2026-01-01-target.md": post("x", { aliases: '["/about", "/writing/"]' }),
      }),
    ).toEqual([
      "posts/2026-01-01-target.md:5: the alias /about is already a URL of this site (the page posts/about.md); remove it from `aliases`",
      "posts/2026-01-01-target.md:5: the alias /writing/ is already a URL of this site (a page of the site); remove it from `aliases`",
    ]);
  });

  it("must not be claimed by two essays", () => {
    expect(
      problems({
        "2026-01-01-one.md": post("x", { aliases: "[/old/]" }),
        "2026-01-02-two.md": post("x", { aliases: "[/old/]" }),
      }),
    ).toEqual([
      "posts/2026-01-02-two.md:5: the alias /old/ is also claimed by posts/2026-01-01-one.md; keep it on one essay",
    ]);
  });

  it("must not be a static file", () => {
    expect(problems({ "2026-01-01-one.md": post("x", { aliases: "[/og-default.png]" }) })).toEqual([
      "posts/2026-01-01-one.md:5: the alias /og-default.png is a file in public/; remove it from `aliases`",
    ]);
  });

  it("must be plain paths on this site", () => {
    for (const alias of ["old/", "https://old.example/x", "/a?b=1", "/a#b", "//host/x", "/a/../b"]) {
      expect(problems({ "2026-01-01-one.md": post("x", { aliases: JSON.stringify([alias]) }) }), alias).toEqual([
        "posts/2026-01-01-one.md:5: `aliases` item 1 must be a path on this site starting with /, without a query, fragment, // or dot segments, e.g. /posts/old-slug/",
      ]);
    }
  });
});

describe("a run with a post that fails its own checks", () => {
  it("still checks every other post's links, and takes links to the failing post on trust", () => {
    posts = tempPosts({
      "2026-01-01-broken.md": post("A control character: \u0007.\n"),
      "2026-02-01-source.md": post("[b](/writing/broken#anywhere) [x](/writing/no-such-essay)\n"),
    });
    writeFileSync(posts.ledgerFile, "/writing/broken\n/writing/gone\n");
    expect(problemsOf(posts.collect())).toEqual([
      "posts/2026-01-01-broken.md:6: contains a control character, which feeds cannot carry: remove it",
      "posts/2026-02-01-source.md:6: links to /writing/no-such-essay, which does not exist on this site",
    ]);
  });
});
