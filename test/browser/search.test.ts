// Searching the fixture site in Chromium with JavaScript turned off: the header's form, the results page
// and its own form, a tag filter, and keyboard use, all without a line of script.

import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireChromium } from "../support/browser.ts";
import { FIXTURE_POSTS } from "../support/fixture-site.ts";
import { serveInChromium, type ServedSite } from "../support/served-site.ts";

const NAVIGATION_TIMEOUT_MS = 15_000;

describe.skipIf(!requireChromium())("searching the fixture site in Chromium without JavaScript", () => {
  let served: ServedSite;
  let context: BrowserContext;
  let page: Page;

  const results = async (): Promise<string[]> =>
    (await page.locator(".result-title a").allTextContents()).map((text) => text.trim());

  beforeAll(async () => {
    served = await serveInChromium({ posts: FIXTURE_POSTS });
    context = await served.browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await served?.close();
  });

  it("finds an essay from the header's search field, by keyboard alone", async () => {
    await page.goto(`${served.origin}/writing/`);
    const field = page.getByRole("search").getByRole("searchbox", { name: "Search the essays" });
    await field.focus();
    await page.keyboard.type("footnot");
    await Promise.all([
      page.waitForURL(/\/search\?q=footnot$/, { timeout: NAVIGATION_TIMEOUT_MS }),
      page.keyboard.press("Enter"),
    ]);
    expect(await page.locator("h1").textContent()).toBe("Search");
    expect(await results()).toEqual(["A long read"]);
    expect(await page.locator(".result mark").first().textContent()).toBe("footnote");
    await page.locator(".result-title a").click();
    expect(new URL(page.url()).pathname).toBe("/writing/long-read");
  });

  it("narrows to a tag with the results page's own form, which keeps the query", async () => {
    await page.goto(`${served.origin}/search?q=contract`);
    expect(await results()).toEqual(["The first contract", "Ünïcödé 🚀 and שלום עולם"]);
    const form = page.getByRole("search", { name: "Search the essays" });
    expect(await form.getByLabel("Words to look for").inputValue()).toBe("contract");
    await form.getByLabel("Only essays tagged").selectOption("files");
    await Promise.all([
      page.waitForURL(/tag=files/, { timeout: NAVIGATION_TIMEOUT_MS }),
      form.getByRole("button", { name: "Search" }).click(),
    ]);
    expect(new URL(page.url()).search).toBe("?q=contract&tag=files");
    expect(await results()).toEqual(["The first contract"]);
  });

  it("says so when nothing matches, and shows the site's page for a query it refuses", async () => {
    await page.goto(`${served.origin}/search?q=zebra`);
    expect(await results()).toEqual([]);
    expect(await page.locator(".search-summary").textContent()).toContain("No essay has every word of zebra");
    const refused = await page.goto(`${served.origin}/search?q=x&page=0`);
    expect(refused?.status()).toBe(400);
    expect(await page.getByRole("alert").textContent()).toBe("A page is a whole number from 1 to 1000.");
  });
});
