// Every kind of page of the fixture site fits a phone's width, and is captured at phone and desktop widths, light and dark, into screenshots/fixture/ with the code `npm run screenshots` uses.

import { statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capture, launchChromium, LOAD_EVERYTHING, requireChromium, SCHEMES, WIDTH_NAMES, WIDTHS } from "../support/browser.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { FIXTURE_PAGES, FIXTURE_POSTS } from "../support/fixture-site.ts";
import { copyProject, ROOT, type ProjectCopy } from "../support/project-copy.ts";

/** Ignored by git, like the rest of screenshots/; apart from what `npm run screenshots` writes there. */
const OUT_DIR = join(ROOT, "screenshots", "fixture");

describe.skipIf(!requireChromium())("screenshots of the fixture site", () => {
  let project: ProjectCopy;
  let server: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    project = copyProject({ posts: FIXTURE_POSTS });
    server = await startDevServer(project.dir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    project?.remove();
  });

  it("fits every kind of page in a 390px phone screen: nothing scrolls the page sideways", async () => {
    const context = await browser.newContext(WIDTHS.phone);
    try {
      const page = await context.newPage();
      const widths: { path: string; width: number }[] = [];
      for (const { path, status } of FIXTURE_PAGES) {
        const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
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
    const files = await capture(browser, server.origin, FIXTURE_PAGES, OUT_DIR);
    const expected = WIDTH_NAMES.flatMap((width) => SCHEMES.flatMap((scheme) => FIXTURE_PAGES.map(({ name }) => `${name}-${width}-${scheme}.png`)));
    expect(files.map((file) => basename(file)).sort()).toEqual(expected.sort());
    for (const file of files) expect(statSync(file).size, file).toBeGreaterThan(5_000);
  });
});
