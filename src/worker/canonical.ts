// One address per page: the www host, an escaped spelling, an essay's old path, an address tried by habit
// and the other trailing-slash form answer 301 to it, query kept. Only reading is redirected.

import type { Context, MiddlewareHandler, Next } from "hono";
import { SITE } from "../site.ts";
import { CONVENTIONAL_REDIRECTS, otherSlashForm } from "../urls.ts";
import type { AppEnv, Epoch } from "./epoch.ts";

/** Where an old or habitual address of the site points, or undefined. */
export const redirectTarget = (epoch: Epoch, path: string): string | undefined => {
  const other = otherSlashForm(path);
  return (
    epoch.aliases.get(path) ??
    CONVENTIONAL_REDIRECTS.get(path) ??
    CONVENTIONAL_REDIRECTS.get(other) ??
    (epoch.paths.has(other) ? other : undefined)
  );
};

export const canonicalHost: MiddlewareHandler = async (c, next) => {
  // Every request pays for this check, so the URL is parsed only when its text names the host.
  if (!c.req.url.includes(SITE.wwwHost)) return next();
  const { hostname, pathname, search } = new URL(c.req.url);
  // A fully qualified host may end in a dot; "www.fmlops.dev." is the same host.
  if (hostname.replace(/\.$/, "") !== SITE.wwwHost) return next();
  return c.redirect(`${SITE.baseUrl}${pathname}${search}`, 301);
};

/** Hono routes on the percent-decoded path, so /%77riting/ would otherwise be a second URL of /writing/. */
export const canonicalSpelling: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.req.url.includes("%")) return next();
  const { pathname, search } = new URL(c.req.url);
  return pathname !== c.req.path && c.var.view.epoch.paths.has(c.req.path)
    ? c.redirect(`${c.req.path}${search}`, 301)
    : next();
};

/** A path the site has goes on to its route; any other is redirected, or not found. */
export const movedPermanently = async (c: Context<AppEnv>, next: Next): Promise<Response | void> => {
  const { epoch } = c.var.view;
  if (epoch.paths.has(c.req.path)) return next();
  const target = redirectTarget(epoch, c.req.path);
  return target === undefined ? c.notFound() : c.redirect(`${target}${new URL(c.req.url).search}`, 301);
};
