// `npm run screenshots`: full-page PNGs of the home page, the essay index and the longest essay, at
// phone and desktop widths, light and dark, in screenshots/ (ignored by git). It runs the site with
// `npm run dev` from this directory and drives the system's Chromium through playwright-core, so
// nothing is downloaded. Exits non-zero when a page does not answer 200 or Chromium is missing.

import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { capture, CHROME, launchChromium, UnexpectedStatus } from "../test/support/browser.ts";
import { startDevServer, type DevServer } from "../test/support/dev-server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, "screenshots");

/** A failure worth one line, not a stack trace. */
class Stop extends Error {}

const fetchText = async (origin: string, path: string): Promise<string> => {
  const response = await fetch(`${origin}${path}`);
  if (response.status !== 200) throw new Stop(`${path} answered ${response.status}, not 200`);
  return response.text();
};

// An essay page states its own word count (JSON-LD wordCount, and "N words" under the title), so
// "longest" means what the site says, code blocks excluded.
const wordCount = (html: string): number => {
  const counted = /"wordCount":(\d+)/.exec(html) ?? /([\d,]+) words/.exec(html);
  return counted?.[1] === undefined ? 0 : Number(counted[1].replaceAll(",", ""));
};

const longestEssay = async (origin: string): Promise<string> => {
  const index = await fetchText(origin, "/writing/");
  const paths = [...new Set([...index.matchAll(/href="(\/writing\/[a-z0-9-]+)"/g)].map((match) => match[1] ?? ""))];
  if (paths.length === 0) throw new Stop("/writing/ links to no essays");
  let longest = { path: "", words: -1 };
  for (const path of paths) {
    const words = wordCount(await fetchText(origin, path));
    if (words > longest.words) longest = { path, words };
  }
  console.log(`longest essay: ${longest.path} (${longest.words} words)`);
  return longest.path;
};

const main = async (): Promise<void> => {
  if (!existsSync(CHROME))
    throw new Stop(`Chromium not found at ${CHROME} (set CHROME_PATH, or: apt-get install -y chromium)`);
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  // The dev server runs in its own process group, which Ctrl-C does not reach: stop it here.
  const interrupted = (): void => {
    void Promise.resolve(server?.stop()).finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    server = await startDevServer(ROOT);
    browser = await launchChromium();
    const essay = await longestEssay(server.origin);
    const pages = [
      { name: "home", path: "/" },
      { name: "writing", path: "/writing/" },
      { name: "essay", path: essay },
    ];
    for (const file of await capture(browser, server.origin, pages, OUT_DIR))
      console.log(relative(process.cwd(), file) || file);
  } finally {
    await browser?.close();
    await server?.stop();
  }
};

try {
  await main();
} catch (error) {
  console.error(error instanceof Stop || error instanceof UnexpectedStatus ? `screenshots: ${error.message}` : error);
  process.exitCode = 1;
}
