// A breadth-first crawl of a running site in a real browser: every internal link of every page
// reached, each fetched exactly once (with the first page that linked it), every HTML page opened in
// Chromium with its subresources and every Content-Security-Policy violation it caused recorded.

import type { BrowserContext, Page } from "playwright-core";
import { LOAD_EVERYTHING } from "./browser.ts";

/** An internal URL as fetched without following redirects, and the page that first named it. */
export interface Fetched {
  /** Path and query, e.g. "/writing/?page=2": the crawl is on one origin. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  /** The page that first linked or loaded it; "(start)" for where the crawl began. */
  readonly referrer: string;
  /** Its Content-Security-Policy header; "" when it has none. */
  readonly policy: string;
}

/** An HTML page Chromium opened. */
export interface OpenedPage {
  readonly url: string;
  readonly status: number;
  readonly referrer: string;
  /** The response body as served: what a validator must see, not the DOM a parser rebuilt. */
  readonly html: string;
  /** The href of every `<link rel="stylesheet">`, as written. */
  readonly stylesheets: readonly string[];
}

export interface Violation {
  readonly page: string;
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

export interface Failure {
  readonly url: string;
  readonly error: string;
  readonly page: string;
}

export interface Crawl {
  /** Every HTML page opened in the browser, in the order reached. */
  readonly pages: readonly OpenedPage[];
  /** Every internal URL a page links (`<a>`, and `<link rel="alternate">` feeds), fetched once. */
  readonly links: readonly Fetched[];
  /** Every same-origin subresource a page names (stylesheet, icon, images, srcset candidates), fetched once. */
  readonly subresources: readonly Fetched[];
  /** Every response Chromium itself received for something other than the page, with the page it was for. */
  readonly loaded: readonly Fetched[];
  /** Every request Chromium made that failed (blocked, refused, aborted). */
  readonly failed: readonly Failure[];
  /** Every securitypolicyviolation event, and every console error about the Content Security Policy. */
  readonly violations: readonly Violation[];
}

export interface CrawlOptions {
  /** Pages to open besides those links reach (the 404 page, which nothing links), whatever they answer. */
  readonly alsoOpen?: readonly string[];
}

// Installed before any page script runs (Playwright's init scripts are not subject to the page's
// policy); the page's own events land in an array the crawl reads after each load.
const RECORD_VIOLATIONS = `globalThis.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  globalThis.__cspViolations.push({ directive: event.effectiveDirective || event.violatedDirective, blocked: event.blockedURI, sample: event.sample || "" });
});`;

interface PageDom {
  readonly links: string[];
  readonly subresources: string[];
  readonly stylesheets: string[];
}

// Strings, because the build's tsconfig has no DOM types.
const READ_DOM = `(() => {
  const absolute = (value) => { try { return new URL(value, document.baseURI).href; } catch { return value; } };
  const candidates = (srcset) => srcset.split(",").map((candidate) => candidate.trim().split(/\\s+/)[0]).filter(Boolean);
  const attr = (selector, name) => Array.from(document.querySelectorAll(selector), (element) => element.getAttribute(name) ?? "");
  return {
    links: [...attr("a[href], area[href]", "href"), ...attr('link[rel~="alternate"][href]', "href")].map(absolute),
    subresources: [
      ...attr('link[rel~="stylesheet"][href], link[rel~="icon"][href], link[rel~="apple-touch-icon"][href]', "href"),
      ...attr("img[src], source[src]", "src"),
      ...attr("img[srcset], source[srcset]", "srcset").flatMap(candidates),
    ].map(absolute),
    stylesheets: attr('link[rel~="stylesheet"]', "href"),
  };
})()`;
const TAKE_VIOLATIONS = `(() => { const taken = globalThis.__cspViolations ?? []; globalThis.__cspViolations = []; return taken; })()`;

/** From now on, every page of `context` records its securitypolicyviolation events, from before its first script. */
export const watchPolicy = async (context: BrowserContext): Promise<void> => {
  await context.addInitScript(RECORD_VIOLATIONS);
};

/** The violations `page` recorded since it loaded or since the last call (see watchPolicy). */
export const takeViolations = async (page: Page): Promise<Violation[]> =>
  (await page.evaluate<Omit<Violation, "page">[]>(TAKE_VIOLATIONS)).map((violation) => ({
    page: new URL(page.url()).pathname,
    ...violation,
  }));

/** The crawl stops with an error past this many distinct URLs: the site is small, a runaway is a bug. */
const LIMIT = 300;
const START = "/";

export const crawl = async (context: BrowserContext, origin: string, options: CrawlOptions = {}): Promise<Crawl> => {
  const { alsoOpen = [] } = options;
  const local = (href: string): string | null => {
    const url = new URL(href, origin);
    return url.origin === origin ? `${url.pathname}${url.search}` : null;
  };
  const pages: OpenedPage[] = [];
  const links = new Map<string, Fetched>();
  const subresources = new Map<string, Fetched>();
  const loaded: Fetched[] = [];
  const failed: Failure[] = [];
  const violations: Violation[] = [];
  let current = "(start)";

  await watchPolicy(context);
  const page: Page = await context.newPage();
  page.on("response", (response) => {
    if (response.request().isNavigationRequest()) return;
    const headers = response.headers();
    loaded.push({
      url: local(response.url()) ?? response.url(),
      status: response.status(),
      contentType: headers["content-type"] ?? "",
      referrer: current,
      policy: headers["content-security-policy"] ?? "",
    });
  });
  page.on("requestfailed", (request) =>
    failed.push({
      url: local(request.url()) ?? request.url(),
      error: request.failure()?.errorText ?? "failed",
      page: current,
    }),
  );
  page.on("console", (message) => {
    if (message.type() === "error" && /content security policy/i.test(message.text())) {
      violations.push({ page: current, directive: "(console)", blocked: "", sample: message.text() });
    }
  });

  /** One GET, redirects not followed; with where a redirect points. */
  const fetchOnce = async (url: string, referrer: string): Promise<Fetched & { readonly location: string | null }> => {
    const response = await context.request.get(`${origin}${url}`, { maxRedirects: 0 });
    const headers = response.headers();
    await response.dispose();
    const location =
      headers["location"] === undefined ? null : local(new URL(headers["location"], `${origin}${url}`).href);
    return {
      url,
      status: response.status(),
      contentType: headers["content-type"] ?? "",
      referrer,
      policy: headers["content-security-policy"] ?? "",
      location,
    };
  };

  /** Opens `url` in Chromium, waits for every image, and returns what links on from it. */
  const open = async (url: string, referrer: string): Promise<string[]> => {
    current = url;
    const response = await page.goto(`${origin}${url}`, { waitUntil: "load" });
    if (response === null) throw new Error(`${url} (linked from ${referrer}): Chromium got no response`);
    const html = await response.text();
    await page.evaluate(LOAD_EVERYTHING);
    const dom = await page.evaluate<PageDom>(READ_DOM);
    for (const violation of await takeViolations(page)) violations.push({ ...violation, page: url });
    pages.push({ url, status: response.status(), referrer, html, stylesheets: dom.stylesheets });
    for (const href of dom.subresources) {
      const resource = local(href);
      if (resource === null || subresources.has(resource)) continue;
      const { location: _, ...fetched } = await fetchOnce(resource, url);
      subresources.set(resource, fetched);
    }
    return dom.links.map(local).filter((link): link is string => link !== null);
  };

  const queue: { url: string; referrer: string }[] = [{ url: START, referrer: "(start)" }];
  const seen = new Set<string>([START]);
  // Bounded: each URL enters the queue once, and the number of URLs is capped.
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined) break;
    const { location, ...fetched } = await fetchOnce(next.url, next.referrer);
    links.set(next.url, fetched);
    const onward: string[] = [];
    if (location !== null) onward.push(location);
    else if (fetched.status === 200 && fetched.contentType.startsWith("text/html"))
      onward.push(...(await open(next.url, next.referrer)));
    for (const link of onward) {
      if (seen.has(link)) continue;
      if (seen.size >= LIMIT)
        throw new Error(
          `the crawl passed ${LIMIT} URLs (at ${link}, linked from ${next.url}): a runaway, or raise the limit`,
        );
      seen.add(link);
      queue.push({ url: link, referrer: next.url });
    }
  }
  for (const url of alsoOpen) await open(url, "(opened directly)");
  await page.close();
  return { pages, links: [...links.values()], subresources: [...subresources.values()], loaded, failed, violations };
};

// What a crawl found wrong, one line each, naming the page responsible: a test expects each to be [].

const isError = (status: number): boolean => status >= 400;

/** Internal links that answer 4xx or 5xx. */
export const brokenLinks = ({ links }: Crawl): string[] =>
  links
    .filter((link) => isError(link.status))
    .map((link) => `${link.url} answered ${link.status}, linked from ${link.referrer}`);

/** Subresources that do not answer 200, responses Chromium got that were not 200, and failed requests. */
export const subresourceProblems = ({ subresources, loaded, failed }: Crawl): string[] => [
  ...subresources
    .filter((resource) => resource.status !== 200)
    .map((resource) => `${resource.url} answered ${resource.status}, named by ${resource.referrer}`),
  ...loaded
    .filter((resource) => resource.status !== 200)
    .map((resource) => `Chromium got ${resource.status} for ${resource.url} on ${resource.referrer}`),
  ...failed.map((failure) => `Chromium failed to load ${failure.url} on ${failure.page}: ${failure.error}`),
];

/** Policy violations, one line each. */
export const violationLines = ({ violations }: Crawl): string[] =>
  violations.map((violation) =>
    `${violation.page}: ${violation.directive} blocked ${violation.blocked || "(inline)"} ${violation.sample}`.trim(),
  );

/** Pages whose stylesheet links are anything but the one fingerprinted `/style.<hash>.css`. */
export const stylesheetProblems = ({ pages }: Crawl): string[] =>
  pages
    .filter((page) => page.stylesheets.length !== 1 || !/^\/style\.[0-9a-f]{10}\.css$/.test(page.stylesheets[0] ?? ""))
    .map((page) => `${page.url} links the stylesheets ${JSON.stringify(page.stylesheets)}`);
