// Helpers for workerd tests: the app around a fixture manifest, at an instant of the test's choosing.

import { inject } from "vitest";
import { createApp } from "../../src/worker/app.ts";
import type { FixtureName } from "./provided-context.d.ts";

export const ORIGIN = "https://fmlops.dev";
/** The fixtures' "today": after every dated fixture essay except the one scheduled for 2099. */
export const NOW = Date.parse("2026-11-25T12:00:00Z");

export interface RequestOptions {
  readonly fixture?: FixtureName;
  readonly now?: number;
}

export const manifestOf = (fixture: FixtureName = "production") => inject("fixtureManifests")[fixture];

export const fixtureApp = ({ fixture = "production", now = NOW }: RequestOptions = {}) =>
  createApp(manifestOf(fixture), { now: () => now });

/** Requests a path (with optional query) of the fixture site, never following redirects. */
export const request = (path: string, init: RequestInit = {}, options: RequestOptions = {}): Promise<Response> =>
  Promise.resolve(fixtureApp(options).request(new Request(`${ORIGIN}${path}`, { redirect: "manual", ...init })));
