// Every page, feed, the sitemap and the cached static files pass the formats' own validators and a feed
// reader's parser, checked against `npm run dev` so it is the bytes and headers wrangler really serves
// from the fixture posts.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE } from "../../src/site.ts";
import { PATHS, SLUG_SOURCE, type FeedFormat } from "../../src/urls.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { FIXTURE_POSTS } from "../support/fixture-site.ts";
import { nuErrors, requireJava } from "../support/nu-checker.ts";
import { copyProject, ROOT, type ProjectCopy } from "../support/project-copy.ts";
import { requireTool } from "../support/system-tool.ts";

const ORIGIN = "https://fmlops.dev";
const SITEMAP_XSD = join(ROOT, "node_modules", "sitemap", "schema", "sitemap.xsd");
const JSON_FEED_SCHEMA = join(ROOT, "node_modules", "jsonfeed-schema", "schema-v1.1.json");
const FORMATS: readonly FeedFormat[] = ["atom", "rss", "json"];
const CONTENT_TYPE: Record<FeedFormat, string> = {
  atom: "application/atom+xml; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/** libxml2 on a body from stdin: `--noout` reports only problems, `--nonet` never fetches a DTD. */
const xmllint = (body: string, ...options: string[]) => {
  const result = spawnSync("xmllint", ["--noout", "--nonet", ...options, "-"], { input: body, encoding: "utf8" });
  return { exit: result.status, stderr: result.error ? String(result.error) : result.stderr };
};

/** Locally skips the test when xmllint is missing; under CI fails it (see requireTool). */
const needXmllint = (skip: (condition: boolean, note?: string) => void): void =>
  skip(!requireTool("xmllint", "libxml2-utils"), "xmllint is not installed (apt-get install -y libxml2-utils)");

const UNKNOWN_PATH = "/no-such-page/";
/** Search results: not in the sitemap, but a page like any other. */
const SEARCH_PATH = "/search?q=contract";
/** A page with a made-up attribute, checked with the others: the checker must report it, or it reports nothing. */
const BROKEN_PAGE = [
  "/broken-on-purpose",
  '<!doctype html><html lang="en"><title>t</title><p bogus="1">x</p></html>',
] as const;

interface ReadEntry {
  readonly title: string;
  readonly link: string;
  readonly content: string;
}

/** A feed's entries as a reader's parser gives them: each format's own fields for the title, the link and the full text. */
const READ_ENTRIES: Record<FeedFormat, (body: string) => readonly ReadEntry[]> = {
  atom: (body) =>
    (parseAtomFeed(body).entries ?? []).map((entry) => ({
      title: entry.title?.value ?? "",
      link: entry.links?.find((link) => (link.rel ?? "alternate") === "alternate")?.href ?? "",
      content: entry.content?.value ?? "",
    })),
  rss: (body) =>
    (parseRssFeed(body).items ?? []).map((item) => ({
      title: item.title ?? "",
      link: item.link ?? "",
      content: item.content?.encoded ?? "",
    })),
  json: (body) =>
    (parseJsonFeed(body).items ?? []).map((item) => ({
      title: item.title ?? "",
      link: item.url ?? "",
      content: item.content_html ?? "",
    })),
};

/** Every URL an HTML fragment's elements point at (href, src, poster, cite, each srcset candidate), as an HTML parser reads them. */
const urlsIn = (html: string): string[] => {
  const urls: string[] = [];
  const parser = new Parser({
    onattribute: (name, value) => {
      if (name === "srcset") urls.push(...value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? ""));
      else if (["href", "src", "poster", "cite"].includes(name)) urls.push(value);
    },
  });
  parser.end(html);
  return urls;
};

describe("the validators, against npm run dev", () => {
  let project: ProjectCopy;
  let server: DevServer;
  /** Every tag the running site links from /tags/. */
  let tags: string[] = [];

  const get = (path: string): Promise<Response> => fetch(`${server.origin}${path}`, { redirect: "manual" });
  const feedsOf = (format: FeedFormat): string[] => [PATHS.feed(format), ...tags.map((tag) => PATHS.feed(format, tag))];

  beforeAll(async () => {
    project = copyProject({ posts: FIXTURE_POSTS });
    server = await startDevServer(project.dir);

    const index = await (await get(PATHS.tags)).text();
    const links = index.matchAll(new RegExp(`href="/tags/(${SLUG_SOURCE})/"`, "g"));
    tags = [...new Set([...links].map((link) => link[1] ?? ""))];
  });

  afterAll(async () => {
    await server?.stop();
    project?.remove();
  });

  it("finds the site feed and at least two tag feeds in every format", () => {
    expect(tags, "the fixture posts are the ones served").toContain("hostile");
    expect(tags.length, `tags linked from ${PATHS.tags}`).toBeGreaterThanOrEqual(2);
    for (const format of FORMATS) expect(feedsOf(format).length, `${format} feeds`).toBeGreaterThanOrEqual(3);
  });

  it("serves every feed with its format's content type", async () => {
    const seen = await Promise.all(
      FORMATS.flatMap((format) =>
        feedsOf(format).map(async (path) => {
          const response = await get(path);
          return { path, status: response.status, contentType: response.headers.get("content-type") };
        }),
      ),
    );
    const expected = FORMATS.flatMap((format) =>
      feedsOf(format).map((path) => ({ path, status: 200, contentType: CONTENT_TYPE[format] })),
    );
    expect(seen).toEqual(expected);
  });

  it.for([
    { name: "Atom", format: "atom" },
    { name: "RSS", format: "rss" },
  ] as const)("finds every $name feed well-formed with libxml2", async ({ format }, { skip }) => {
    needXmllint(skip);
    const paths = feedsOf(format);
    expect(paths.length).toBeGreaterThanOrEqual(3);
    const results = await Promise.all(
      paths.map(async (path) => {
        const response = await get(path);
        return { path, status: response.status, ...xmllint(await response.text()) };
      }),
    );
    expect(results).toEqual(paths.map((path) => ({ path, status: 200, exit: 0, stderr: "" })));
  });

  it("validates every JSON Feed against the JSON Feed 1.1 schema", async () => {
    const schema: object = JSON.parse(readFileSync(JSON_FEED_SCHEMA, "utf8"));
    // The schema declares draft-07, which is what the default Ajv class implements.
    expect(schema).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#" });
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(
      validate({ version: "https://jsonfeed.org/version/1.1", title: "no items" }),
      "the schema rejects a feed without items",
    ).toBe(false);

    const paths = feedsOf("json");
    expect(paths.length).toBeGreaterThanOrEqual(3);
    const results = await Promise.all(
      paths.map(async (path) => {
        const response = await get(path);
        const feed: unknown = await response.json();
        const valid = validate(feed);
        return {
          path,
          status: response.status,
          errors: valid ? [] : ajv.errorsText(validate.errors, { separator: "\n" }).split("\n"),
        };
      }),
    );
    expect(results).toEqual(paths.map((path) => ({ path, status: 200, errors: [] })));
  });

  it.for([
    { name: "Atom", format: "atom" },
    { name: "RSS", format: "rss" },
    { name: "JSON", format: "json" },
  ] as const)(
    "reads every $name feed with feedsmith as a reader would: its page's essays, each with a title, a link and content whose every URL is absolute",
    async ({ format }) => {
      const read = await Promise.all(
        [null, ...tags].map(async (tag) => {
          const path = PATHS.feed(format, tag);
          const page = await (await get(tag === null ? PATHS.writing : PATHS.tag(tag))).text();
          const essays = [...page.matchAll(/class="entry-title"><a href="([^"]+)"/g)].map((match) => match[1] ?? "");
          const entries = READ_ENTRIES[format](await (await get(path)).text());
          const urls = entries.flatMap((entry) => urlsIn(entry.content).map((url) => ({ entry: entry.link, url })));
          return {
            path,
            essays: essays.slice(0, SITE.feedLimit).map((essay) => `${ORIGIN}${essay}`),
            links: entries.map((entry) => entry.link),
            untitledOrEmpty: entries.filter((entry) => !entry.title || !entry.content).map((entry) => entry.link),
            urls: urls.length,
            relative: urls.filter(({ url }) => !/^(https:\/\/|mailto:)/.test(url)),
          };
        }),
      );
      expect(
        read.filter(({ essays }) => essays.length === 0).map(({ path }) => path),
        "feeds whose page lists no essay",
      ).toEqual([]);
      expect(read.filter(({ urls }) => urls > 0).length, "feeds with URLs in their content").toBeGreaterThan(0);
      expect(read).toEqual(
        read.map(({ path, essays, urls }) => ({
          path,
          essays,
          links: essays,
          untitledOrEmpty: [],
          urls,
          relative: [],
        })),
      );
    },
  );

  it("finds no error with the W3C Nu Html Checker on any page the sitemap lists, nor on the 404 and search pages", async ({
    skip,
  }) => {
    skip(!requireJava(), "java is not installed (apt-get install -y default-jre-headless)");
    // The preview's sitemap lists every page it serves, drafts and scheduled essays included.
    const sitemap = await (await get(PATHS.sitemap)).text();
    const listed = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => (match[1] ?? "").slice(ORIGIN.length));
    const paths = [...listed, UNKNOWN_PATH, SEARCH_PATH];
    for (const kind of ["/", "/writing/", "/writing/long-read", "/about/", "/tags/", "/tags/files/", "/series/"])
      expect(paths, "one page of every kind").toContain(kind);
    const served = await Promise.all(
      paths.map(async (path) => {
        const response = await get(path);
        return { path, status: response.status, html: await response.text() };
      }),
    );
    expect(served.map(({ path, status }) => ({ path, status }))).toEqual(
      paths.map((path) => ({ path, status: path === UNKNOWN_PATH ? 404 : 200 })),
    );
    const errors = nuErrors(new Map([...served.map(({ path, html }) => [path, html] as const), BROKEN_PAGE]));
    const [broken] = BROKEN_PAGE;
    expect(
      errors.filter((line) => line.startsWith(`${broken}:`)),
      "the checker reports the page broken on purpose",
    ).toEqual([expect.stringContaining("Attribute “bogus” not allowed on element “p”")]);
    expect(errors.filter((line) => !line.startsWith(`${broken}:`))).toEqual([]);
  });

  it("validates the sitemap against the sitemaps.org schema", async ({ skip }) => {
    needXmllint(skip);
    const response = await get(PATHS.sitemap);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    // With --schema, xmllint reports success on stderr as "- validates".
    expect(xmllint(await response.text(), "--schema", SITEMAP_XSD)).toEqual({ exit: 0, stderr: "- validates\n" });
  });

  it("lists only absolute https://fmlops.dev URLs in the sitemap, and every one answers 200", async () => {
    const body = await (await get(PATHS.sitemap)).text();
    const locs = [...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1] ?? "");
    expect(locs.length).toBe(body.match(/<url>/g)?.length ?? 0);
    expect(locs).toContain(`${ORIGIN}${PATHS.tags}`);
    for (const loc of locs) expect(loc).toMatch(/^https:\/\/fmlops\.dev\//);

    const pages = await Promise.all(
      locs.map(async (loc) => {
        const path = loc.slice(ORIGIN.length);
        const response = await get(path);
        return { path, status: response.status, contentType: response.headers.get("content-type") };
      }),
    );
    expect(pages).toEqual(
      locs.map((loc) => ({ path: loc.slice(ORIGIN.length), status: 200, contentType: "text/html; charset=utf-8" })),
    );
  });

  it("serves the fingerprinted stylesheet linked from / as immutable for a year", async () => {
    const home = await (await get(PATHS.home)).text();
    const href = /<link rel="stylesheet" href="(\/style\.[0-9a-f]{10}\.css)">/.exec(home)?.[1];
    expect(href, "the stylesheet link on /").toBeDefined();
    const response = await get(href ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/css/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it.each([
    ["/og-default.png", /^image\/png$/],
    ["/favicon.svg", /^image\/svg\+xml/],
    ["/apple-touch-icon.png", /^image\/png$/],
    ["/icon-512.png", /^image\/png$/],
  ])("serves %s with its type and the one-day cache rule", async (path, contentType) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(contentType);
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400");
  });

  it.each([
    [SITE.icons.appleTouch, 180],
    [SITE.icons.large, 512],
  ])("serves %s as an opaque square PNG of %i pixels a side", async (path, side) => {
    const png = Buffer.from(await (await get(path)).arrayBuffer());
    // After the 8-byte signature comes the IHDR chunk: width, height, bit depth, colour type. Type 2
    // is RGB with no alpha channel, so no pixel can be transparent (iOS would fill it with black).
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] }).toEqual({
      width: side,
      height: side,
      colourType: 2,
    });
  });
});
