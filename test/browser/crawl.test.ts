// Crawled from / in Chromium, the fixture site has no broken link, loads every subresource, breaks its own Content-Security-Policy nowhere, and serves valid HTML.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE } from "../../src/site.ts";
import { requireChromium } from "../support/browser.ts";
import {
  brokenLinks,
  crawl,
  stylesheetProblems,
  subresourceProblems,
  takeViolations,
  violationLines,
  watchPolicy,
  type Crawl,
} from "../support/crawl.ts";
import { htmlProblems } from "../support/html-validity.ts";
import { serveInChromium, type ServedSite } from "../support/served-site.ts";
import { FIXTURE_POSTS } from "../support/fixture-site.ts";

const UNKNOWN_PATH = "/no-such-page/at-all";

describe.skipIf(!requireChromium())("a crawl of the fixture site in Chromium", () => {
  let served: ServedSite;
  let site: Crawl;

  beforeAll(async () => {
    served = await serveInChromium({ posts: FIXTURE_POSTS });
    // No bypassCSP: the policy the Worker and public/_headers send is the one in force.
    const context = await served.browser.newContext();
    site = await crawl(context, served.origin, { alsoOpen: [UNKNOWN_PATH] });
    await context.close();
  });

  afterAll(async () => {
    await served?.close();
  });

  it("reaches every kind of page from / by following links alone", () => {
    const opened = site.pages.map((page) => page.url);
    expect(opened).toEqual(
      expect.arrayContaining([
        "/",
        "/writing/",
        "/writing/long-read",
        "/writing/first-contract",
        "/writing/unfinished-thought",
        "/writing/scheduled-essay",
        "/about/",
        "/tags/",
        "/tags/files/",
        "/series/",
        "/series/contract-series/",
      ]),
    );
    const kinds = new Set(site.links.map((link) => link.contentType.split(";")[0]));
    expect([...kinds]).toEqual(
      expect.arrayContaining(["text/html", "application/atom+xml", "application/rss+xml", "application/feed+json"]),
    );
  });

  it("finds no internal link that answers 4xx or 5xx", () => {
    expect(site.links.length).toBeGreaterThan(20);
    expect(brokenLinks(site)).toEqual([]);
  });

  it("loads the stylesheet, the favicon and every image with 200, and Chromium fails no request", () => {
    const kinds = site.subresources.map((resource) => resource.contentType.split(";")[0]);
    expect(kinds).toEqual(expect.arrayContaining(["text/css", "image/svg+xml", "image/png"]));
    // Named in the markup and fetched by Chromium itself, not only by the test; but only iOS fetches the
    // apple-touch-icon, so for it the crawl's own request (a 200 below) is the proof.
    const loadedByChromium = new Set([...site.loaded.map((resource) => resource.url), SITE.icons.appleTouch]);
    expect(site.subresources.map((resource) => resource.url).filter((url) => !loadedByChromium.has(url))).toEqual([]);
    expect(subresourceProblems(site)).toEqual([]);
  });

  it("links every page to the one fingerprinted stylesheet /style.<hash>.css", () => {
    expect(stylesheetProblems(site)).toEqual([]);
    expect(new Set(site.pages.map((page) => page.stylesheets[0])).size).toBe(1);
  });

  it("answers an unknown path with the site's own 404 page", () => {
    const notFound = site.pages.find((page) => page.url === UNKNOWN_PATH);
    expect(notFound?.status).toBe(404);
    expect(notFound?.html).toContain("<h1>Not found</h1>");
  });

  it("causes no Content-Security-Policy violation on any page, under the policy the Worker and public/_headers send", () => {
    const policy = /^  content-security-policy: (.+)$/m.exec(
      readFileSync(join(served.dir, "public", "_headers"), "utf8"),
    )?.[1];
    expect(policy).toContain("default-src 'none'");
    const answers = [...site.links, ...site.subresources].map(({ url, policy }) => ({ url, policy }));
    expect(answers).toEqual(answers.map(({ url }) => ({ url, policy })));
    expect(site.pages.length).toBeGreaterThan(10);
    expect(violationLines(site)).toEqual([]);
  });

  it("records a violation when something breaks the policy, so none found means none happened", async () => {
    const context = await served.browser.newContext();
    try {
      await watchPolicy(context);
      const page = await context.newPage();
      await page.goto(`${served.origin}/about/`);
      await page.evaluate(`new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", () => resolve(undefined), { once: true });
        document.body.insertAdjacentHTML("beforeend", '<img src="https://example.invalid/pixel.png" alt="">');
      })`);
      expect(await takeViolations(page)).toEqual([
        { page: "/about/", directive: "img-src", blocked: "https://example.invalid/pixel.png", sample: "" },
      ]);
    } finally {
      await context.close();
    }
  });

  it("serves every page it reached as HTML that html-validate's recommended rules accept", async () => {
    expect(
      await htmlProblems('<!doctype html><html lang="en"><title>t</title><p><div></div></html>', "broken"),
      "the validator fails broken markup",
    ).not.toEqual([]);
    const problems = await Promise.all(site.pages.map((page) => htmlProblems(page.html, page.url)));
    expect(problems.flat()).toEqual([]);
  });
});
