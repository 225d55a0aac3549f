// The real posts, as readers get them: crawled from / in Chromium with no broken link or subresource, no policy violation, valid HTML, and no axe violation on any page in either colour scheme.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { serveInChromium, type ServedSite } from "../support/served-site.ts";
import { requireChromium, SCHEMES, WIDTH_NAMES, WIDTHS } from "../support/browser.ts";
import {
  brokenLinks,
  crawl,
  stylesheetProblems,
  subresourceProblems,
  violationLines,
  type Crawl,
} from "../support/crawl.ts";
import { htmlProblems } from "../support/html-validity.ts";

const UNKNOWN_PATH = "/no-such-page/";

describe.skipIf(!requireChromium())("the real posts in Chromium", () => {
  let served: ServedSite;
  let site: Crawl;

  beforeAll(async () => {
    served = await serveInChromium();
    // No bypassCSP: the policy the Worker and public/_headers send is the one in force.
    const context = await served.browser.newContext();
    site = await crawl(context, served.origin, { alsoOpen: [UNKNOWN_PATH] });
    await context.close();
  });

  afterAll(async () => {
    await served?.close();
  });

  it("reaches the index, every essay it lists, the about page, tags and series from / by links", async () => {
    const index = site.pages.find((page) => page.url === "/writing/")?.html ?? "";
    const essays = [...new Set([...index.matchAll(/href="(\/writing\/[a-z0-9-]+)"/g)].map((match) => match[1] ?? ""))];
    expect(essays.length).toBeGreaterThan(0);
    expect(site.pages.map((page) => page.url)).toEqual(
      expect.arrayContaining(["/", "/writing/", "/about/", "/tags/", "/series/", ...essays]),
    );
  });

  it("finds no internal link that answers 4xx or 5xx, and every subresource loads", () => {
    expect(brokenLinks(site)).toEqual([]);
    expect(subresourceProblems(site)).toEqual([]);
    expect(stylesheetProblems(site)).toEqual([]);
  });

  it("causes no Content-Security-Policy violation on any page", () => {
    expect(violationLines(site)).toEqual([]);
  });

  it("serves every page as HTML that html-validate's recommended rules accept", async () => {
    const problems = await Promise.all(site.pages.map((page) => htmlProblems(page.html, page.url)));
    expect(problems.flat()).toEqual([]);
  });

  it.for(SCHEMES.flatMap((scheme) => WIDTH_NAMES.map((width) => ({ scheme, width }))))(
    "finds no WCAG A or AA violation on any page, $scheme, $width",
    async ({ scheme, width }) => {
      const context = await served.browser.newContext({ ...WIDTHS[width], colorScheme: scheme });
      try {
        const page = await context.newPage();
        const found: string[] = [];
        for (const { url, status } of site.pages) {
          const response = await page.goto(`${served.origin}${url}`, { waitUntil: "load" });
          expect(response?.status(), url).toBe(status);
          found.push(...(await axeViolations(page)).map((violation) => `${url}: ${violation}`));
        }
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
