// Helpers for workerd tests: the app around a fixture manifest, and requests against it.

import { inject } from "vitest";
import type { BuildMode } from "../../src/manifest.ts";
import { createApp } from "../../src/worker/app.ts";

export const ORIGIN = "https://fmlops.dev";

export const fixtureApp = (mode: BuildMode = "production") => createApp(inject("fixtureManifests")[mode]);

/** Requests a path (with optional query) of the fixture site, never following redirects. */
export const request = (path: string, init: RequestInit = {}, mode: BuildMode = "production"): Promise<Response> =>
  Promise.resolve(fixtureApp(mode).request(new Request(`${ORIGIN}${path}`, { redirect: "manual", ...init })));
