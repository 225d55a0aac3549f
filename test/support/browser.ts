// Debian's Chromium, driven through playwright-core (nothing is downloaded): where it is, how it is
// launched, a launch for CDP clients such as Lighthouse, and the full-page screenshots that both
// `npm run screenshots` and the browser tests take, so there is one implementation of each.

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContextOptions } from "playwright-core";
import { requireExecutable } from "./system-tool.ts";

export const CHROME = process.env["CHROME_PATH"] ?? "/usr/bin/chromium";

/** Headless in a container: no sandbox or GPU, and no traffic of its own (updates, field trials). */
const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Whether Chromium is at CHROME (CHROME_PATH, else /usr/bin/chromium). When it is not: under CI,
 * throws; otherwise prints one line naming `apt-get install -y chromium` and returns false (skip).
 */
export const requireChromium = (): boolean => requireExecutable(CHROME, "chromium", "CHROME_PATH");

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });

export interface DebuggableChromium {
  /** The DevTools port on 127.0.0.1, for a CDP client such as Lighthouse. */
  readonly port: number;
  readonly close: () => Promise<void>;
}

const DEVTOOLS_TIMEOUT_MS = 20_000;

/**
 * Chromium with a DevTools port on 127.0.0.1, in a fresh profile, for tools that connect to a browser
 * by port. The port is Chromium's own choice (port 0), read from the profile's DevToolsActivePort,
 * so no other process can take it first.
 */
export const launchDebuggableChromium = async (): Promise<DebuggableChromium> => {
  const profile = mkdtempSync(join(tmpdir(), "fmlops-chromium-"));
  const args = [
    "--headless=new",
    ...CHROME_ARGS,
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    `--user-data-dir=${profile}`,
    "about:blank",
  ];
  // Its own process group: Debian's /usr/bin/chromium is a shell script around the real binary.
  const child = spawn(CHROME, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined)
      process.kill(-child.pid, "SIGTERM");
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };

  const deadline = Date.now() + DEVTOOLS_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const port = Number(readFileSync(join(profile, "DevToolsActivePort"), "utf8").split("\n")[0]);
      if (Number.isInteger(port) && port > 0) return { port, close };
    } catch {
      // not written yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await close();
  throw new Error(`${CHROME} opened no DevTools port within ${DEVTOOLS_TIMEOUT_MS} ms:\n${stderr}`);
};

// A phone is emulated as one (touch, no hover), so what only touch screens get is in the picture too.
export const WIDTHS: Record<"phone" | "desktop", BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
};
export type Width = keyof typeof WIDTHS;
export const WIDTH_NAMES = Object.keys(WIDTHS) as Width[];
export const SCHEMES = ["light", "dark"] as const;
export type Scheme = (typeof SCHEMES)[number];

// Images are loading="lazy", which a full-page capture never scrolls far enough to trigger. The
// DOM is reached through a string because the build's tsconfig has no DOM types.
export const LOAD_EVERYTHING = `Promise.all([document.fonts.ready, ...Array.from(document.images, (image) => {
  image.loading = "eager";
  return image.decode().catch(() => undefined);
})])`;

/** A page answered another status than the one its capture expects: worth one line, not a stack. */
export class UnexpectedStatus extends Error {}

export interface ScreenshotPage {
  /** The file name's first part: `<name>-<width>-<scheme>.png`. */
  readonly name: string;
  readonly path: string;
  /** What the page must answer; 200 unless said (the 404 page answers 404). */
  readonly status?: number;
}

/** Full-page PNGs of every page, at phone and desktop widths, light and dark, into `outDir`; returns the files. */
export const capture = async (
  browser: Browser,
  origin: string,
  pages: readonly ScreenshotPage[],
  outDir: string,
): Promise<string[]> => {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const [width, options] of Object.entries(WIDTHS)) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ ...options, colorScheme });
      try {
        const page = await context.newPage();
        for (const { name, path, status = 200 } of pages) {
          const response = await page.goto(`${origin}${path}`, { waitUntil: "load" });
          if (response?.status() !== status)
            throw new UnexpectedStatus(`${path} answered ${response?.status() ?? "nothing"}, not ${status}`);
          await page.evaluate(LOAD_EVERYTHING);
          const file = join(outDir, `${name}-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          files.push(file);
        }
      } finally {
        await context.close();
      }
    }
  }
  return files;
};
