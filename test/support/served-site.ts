// A copy of the project served by `npm run dev`, and a Chromium to look at it: what every browser
// test starts from, and tears down the same way.

import type { Browser } from "playwright-core";
import { launchChromium } from "./browser.ts";
import { startDevServer } from "./dev-server.ts";
import { copyProject, type CopyOptions } from "./project-copy.ts";

export interface ServedSite {
  /** The project copy's folder. */
  readonly dir: string;
  readonly origin: string;
  readonly browser: Browser;
  readonly close: () => Promise<void>;
}

export const serveInChromium = async (copy: CopyOptions = {}): Promise<ServedSite> => {
  const project = copyProject(copy);
  try {
    const server = await startDevServer(project.dir);
    const browser = await launchChromium().catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    const close = async (): Promise<void> => {
      await browser.close();
      await server.stop();
      project.remove();
    };
    return { dir: project.dir, origin: server.origin, browser, close };
  } catch (error) {
    project.remove();
    throw error;
  }
};
