// Every canonical path the site answers with a page: the resource set that decides 301 vs 404 vs 405.

import type { Manifest } from "../manifest.ts";
import { ROUTES, essayPath, pagePath } from "../urls.ts";

export const sitePaths = (manifest: Manifest): ReadonlySet<string> =>
  new Set([
    ROUTES.home,
    ROUTES.writing,
    ...manifest.essays.map((essay) => essayPath(essay.slug)),
    ...manifest.pages.map((page) => pagePath(page.slug)),
  ]);
