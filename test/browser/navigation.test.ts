// A reader's path through the fixture site in Chromium, by real clicks: home, the index, an essay, a tag, back, and the site's own 404 page.

import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE } from "../../src/site.ts";
import { requireChromium } from "../support/browser.ts";
import { serveInChromium, type ServedSite } from "../support/served-site.ts";
import { FIXTURE_POSTS } from "../support/fixture-site.ts";

const NAVIGATION_TIMEOUT_MS = 15_000;

describe.skipIf(!requireChromium())("navigating the fixture site in Chromium", () => {
  let served: ServedSite;
  let context: BrowserContext;
  let page: Page;

  const path = (): string => {
    const url = new URL(page.url());
    return `${url.pathname}${url.search}${url.hash}`;
  };
  const heading = async (): Promise<string> => ((await page.locator("h1").textContent()) ?? "").trim();
  /** Clicks `link` and waits for the page it leads to. */
  const follow = async (link: ReturnType<Page["locator"]>, to: string): Promise<void> => {
    await Promise.all([page.waitForURL(`${served.origin}${to}`, { timeout: NAVIGATION_TIMEOUT_MS }), link.click()]);
  };

  beforeAll(async () => {
    served = await serveInChromium({ posts: FIXTURE_POSTS });
    context = await served.browser.newContext();
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await served?.close();
  });

  it("goes from home to the index, an essay and one of its tags by clicking, and back through history", async () => {
    const home = await page.goto(`${served.origin}/`);
    expect(home?.status()).toBe(200);
    expect(await heading()).toBe(SITE.tagline);
    expect(await page.title()).toBe(`${SITE.name}: ${SITE.tagline}`);

    const siteNav = page.getByRole("navigation", { name: "Site" });
    await follow(siteNav.getByRole("link", { name: "Writing", exact: true }), "/writing/");
    expect(await heading()).toBe("Writing");
    expect(await siteNav.getByRole("link", { name: "Writing", exact: true }).getAttribute("aria-current")).toBe("page");

    await follow(
      page.getByRole("heading", { name: "The first contract" }).getByRole("link"),
      "/writing/first-contract",
    );
    expect(await heading()).toBe("The first contract");
    expect(await page.title()).toBe(`The first contract · ${SITE.name}`);

    await follow(
      page.locator(".essay-header").getByRole("list", { name: "Tags" }).getByRole("link", { name: "files" }),
      "/tags/files/",
    );
    expect(await heading()).toBe("Essays tagged files");
    expect(await page.getByRole("heading", { name: "The first contract" }).count()).toBe(1);

    await page.goBack();
    expect(path()).toBe("/writing/first-contract");
    expect(await heading()).toBe("The first contract");
    await page.goBack();
    expect(path()).toBe("/writing/");
    await page.goForward();
    expect(path()).toBe("/writing/first-contract");
  });

  it("shows the site's own 404 page for an unknown path, from which the index is one click away", async () => {
    const response = await page.goto(`${served.origin}/writing/no-such-essay`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()["content-type"]).toBe("text/html; charset=utf-8");
    expect(await heading()).toBe("Not found");
    expect(await page.title()).toBe(`Not found · ${SITE.name}`);
    // The site's layout, styled by its stylesheet: not a bare error from wrangler or Chromium.
    expect(await page.getByRole("navigation", { name: "Site" }).count()).toBe(1);
    expect(await page.evaluate<string>("getComputedStyle(document.body).display")).toBe("flex");

    await follow(page.getByRole("link", { name: "writing page" }), "/writing/");
    expect(await heading()).toBe("Writing");
  });

  it("follows an essay's contents, footnote and back-link within the page", async () => {
    await page.goto(`${served.origin}/writing/long-read`);
    await follow(
      page.getByRole("navigation", { name: "Contents" }).getByRole("link", {
        name: "Second section, whose title runs long enough to wrap onto a second line in the contents",
      }),
      "/writing/long-read#second-section-whose-title-runs-long-enough-to-wrap-onto-a-second-line-in-the-contents",
    );
    expect(
      await page
        .locator("#second-section-whose-title-runs-long-enough-to-wrap-onto-a-second-line-in-the-contents")
        .isVisible(),
    ).toBe(true);

    const reference = page.locator("[data-footnote-ref]").first();
    const target = (await reference.getAttribute("href")) ?? "";
    expect(target).toMatch(/^#/);
    await follow(reference, `/writing/long-read${target}`);
    const backref = page.locator(`${target} [data-footnote-backref]`);
    const back = (await backref.getAttribute("href")) ?? "";
    await follow(backref, `/writing/long-read${back}`);
  });

  it("lands on the essay when an old alias is typed, through the Worker's 301", async () => {
    const response = await page.goto(`${served.origin}/posts/long-read/`);
    expect(response?.status()).toBe(200);
    expect(path()).toBe("/writing/long-read");
    expect(
      await response
        ?.request()
        .redirectedFrom()
        ?.response()
        .then((redirect) => redirect?.status()),
    ).toBe(301);
    expect(await heading()).toBe("A long read");
  });

  it("skips past the navigation to the text with the first Tab and Enter", async () => {
    await page.goto(`${served.origin}/writing/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate<string>("document.activeElement?.className ?? ''")).toBe("skip-link");
    expect(await page.getByRole("link", { name: "Skip to the text" }).isVisible()).toBe(true);
    await Promise.all([page.waitForURL(`${served.origin}/writing/#main`), page.keyboard.press("Enter")]);
    // The next Tab starts from <main>: past the site's navigation, to the first essay's link.
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate<string>(
        "document.querySelector('main').contains(document.activeElement) ? document.activeElement.textContent : ''",
      ),
    ).toBe(await page.locator("main a").first().textContent());
  });
});
