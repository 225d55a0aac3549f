// axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any kind of page of the fixture site, in the light and the dark colour scheme.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { requireChromium, SCHEMES, WIDTH_NAMES, WIDTHS } from "../support/browser.ts";
import { serveInChromium, type ServedSite } from "../support/served-site.ts";
import { FIXTURE_PAGES, FIXTURE_POSTS } from "../support/fixture-site.ts";

const CASES = SCHEMES.flatMap((scheme) =>
  WIDTH_NAMES.flatMap((width) => FIXTURE_PAGES.map((page) => ({ ...page, scheme, width }))),
);

describe.skipIf(!requireChromium())("accessibility of the fixture site", () => {
  let served: ServedSite;

  beforeAll(async () => {
    served = await serveInChromium({ posts: FIXTURE_POSTS });
  });

  afterAll(async () => {
    await served?.close();
  });

  it("runs axe under the site's own policy and reports what it finds, so an empty list means a clean page", async () => {
    // No bypassCSP here either: axe is evaluated through DevTools, which the policy does not govern.
    const context = await served.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${served.origin}/about/`, { waitUntil: "load" });
      await page.evaluate(`document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="/favicon.svg">')`);
      expect(await axeViolations(page)).toEqual([
        expect.stringMatching(/^image-alt \(critical\): Images must have alternative text at img\b/),
      ]);
    } finally {
      await context.close();
    }
  });

  it.for(CASES)(
    "finds no WCAG A or AA violation on the $name page ($path), $scheme, $width",
    async ({ path, status, scheme, width }) => {
      const context = await served.browser.newContext({ ...WIDTHS[width], colorScheme: scheme });
      try {
        const page = await context.newPage();
        const response = await page.goto(`${served.origin}${path}`, { waitUntil: "load" });
        expect(response?.status()).toBe(status);
        expect(await page.evaluate<boolean>(`matchMedia("(prefers-color-scheme: ${scheme})").matches`)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
