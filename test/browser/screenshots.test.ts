// Every kind of page of the fixture site fits a phone's width, and is captured at phone and desktop widths, light and dark, into screenshots/fixture/ with the code `npm run screenshots` uses.

import { statSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capture, LOAD_EVERYTHING, requireChromium, SCHEMES, WIDTH_NAMES, WIDTHS } from "../support/browser.ts";
import { serveInChromium, type ServedSite } from "../support/served-site.ts";
import { FIXTURE_PAGES, FIXTURE_POSTS } from "../support/fixture-site.ts";
import { ROOT } from "../support/project-copy.ts";

/** Ignored by git, like the rest of screenshots/; apart from what `npm run screenshots` writes there. */
const OUT_DIR = join(ROOT, "screenshots", "fixture");

describe.skipIf(!requireChromium())("screenshots of the fixture site", () => {
  let served: ServedSite;

  beforeAll(async () => {
    served = await serveInChromium({ posts: FIXTURE_POSTS });
  });

  afterAll(async () => {
    await served?.close();
  });

  it("fits every kind of page in a 390px phone screen: nothing scrolls the page sideways", async () => {
    const context = await served.browser.newContext(WIDTHS.phone);
    try {
      const page = await context.newPage();
      const widths: { path: string; width: number }[] = [];
      for (const { path, status } of FIXTURE_PAGES) {
        const response = await page.goto(`${served.origin}${path}`, { waitUntil: "load" });
        expect(response?.status(), path).toBe(status);
        await page.evaluate(LOAD_EVERYTHING);
        widths.push({ path, width: await page.evaluate<number>("document.documentElement.scrollWidth") });
      }
      expect(widths).toEqual(FIXTURE_PAGES.map(({ path }) => ({ path, width: 390 })));
    } finally {
      await context.close();
    }
  });

  it("captures every kind of page at phone and desktop widths, light and dark", async () => {
    const files = await capture(served.browser, served.origin, FIXTURE_PAGES, OUT_DIR);
    const expected = WIDTH_NAMES.flatMap((width) =>
      SCHEMES.flatMap((scheme) => FIXTURE_PAGES.map(({ name }) => `${name}-${width}-${scheme}.png`)),
    );
    expect(files.map((file) => basename(file)).sort()).toEqual(expected.sort());
    for (const file of files) expect(statSync(file).size, file).toBeGreaterThan(5_000);
  });
});
