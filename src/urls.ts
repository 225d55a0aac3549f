// The site's URL grammar: the one place that says which paths exist and which names they reserve.
// Listing and page URLs end in "/"; essay URLs and files do not. Both the build (to reject a page
// slug that would shadow a route) and the Worker (to route) read it from here.

import { SITE } from "./site.ts";

/** A slug: lowercase a-z0-9 words joined by single hyphens. */
export const SLUG_SOURCE = "[a-z0-9]+(?:-[a-z0-9]+)*";
export const SLUG_RE = new RegExp(`^${SLUG_SOURCE}$`);

/** Hono route patterns for every kind of URL the Worker answers. */
export const ROUTES = {
  home: "/",
  writing: "/writing/",
  essay: `/writing/:slug{${SLUG_SOURCE}}`,
  page: `/:slug{${SLUG_SOURCE}}/`,
} as const;

export const essayPath = (slug: string): string => `/writing/${slug}`;
export const pagePath = (slug: string): string => `/${slug}/`;
export const absoluteUrl = (path: string): string => `${SITE.baseUrl}${path}`;

/**
 * Top-level names a standalone page may not take, derived from the routes above so a new route
 * reserves its name without anyone remembering to list it.
 */
export const RESERVED_TOP_LEVEL_NAMES: ReadonlySet<string> = new Set(
  Object.entries(ROUTES)
    .filter(([name]) => name !== "page")
    .map(([, pattern]) => pattern.split("/")[1] ?? "")
    .filter((segment) => segment !== "" && !segment.startsWith(":")),
);
