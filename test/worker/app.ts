// Helpers for workerd tests: the app around a fixture manifest, at an instant of the test's choosing.

import { inject } from "vitest";
import type { Body, Essay, Manifest } from "../../src/manifest.ts";
import { createApp } from "../../src/worker/app.ts";
import type { Assets } from "../../src/worker/bodies.ts";
import type { FixtureName } from "./provided-context.d.ts";

export const ORIGIN = "https://fmlops.dev";
/** The fixtures' "today": after every dated fixture essay except the one scheduled for 2099. */
export const NOW = Date.parse("2026-11-25T12:00:00Z");

export interface RequestOptions {
  readonly fixture?: FixtureName;
  readonly now?: number;
}

export const manifestOf = (fixture: FixtureName = "production") => inject("fixtureManifests")[fixture];

/**
 * The fixtures' bodies as the ASSETS binding would serve them (the real binding serves the real posts'
 * bodies in deployed-worker.test.ts and under wrangler dev in test/e2e).
 */
export const fixtureAssets: Assets = {
  fetch: async (request) => {
    const text = inject("fixtureBodies")[new URL(request.url).pathname];
    return text === undefined ? new Response("Not Found", { status: 404 }) : new Response(text);
  },
};

/** A fixture essay's body, as the build wrote it. */
export const bodyOf = (essay: Essay): Body => JSON.parse(inject("fixtureBodies")[essay.body] ?? "null") as Body;

/** The app around `manifest` at the instant (or on the clock) `now`, reading the fixtures' bodies. */
export const appOf = (manifest: Manifest, now: number | (() => number)) =>
  createApp(manifest, { now: typeof now === "number" ? () => now : now, assets: fixtureAssets });

export const fixtureApp = ({ fixture = "production", now = NOW }: RequestOptions = {}) =>
  appOf(manifestOf(fixture), now);

/** Requests a path (with optional query) of the fixture site, never following redirects. */
export const request = (path: string, init: RequestInit = {}, options: RequestOptions = {}): Promise<Response> =>
  Promise.resolve(fixtureApp(options).request(new Request(`${ORIGIN}${path}`, { redirect: "manual", ...init })));
