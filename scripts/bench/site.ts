// The built site in a project copy, loaded in this Node process: the copy's own Worker app around
// the copy's generated manifest; what it answers, captured as constants; and the baseline, a Hono
// app (in-process) or Worker (for workerd) that hands out exactly those constants.

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Hono } from "hono";
import type { Manifest } from "../../src/manifest.ts";
import { manifestFile } from "./project.ts";

export const ORIGIN = "https://fmlops.dev";

type Fetch = (request: Request) => Promise<Response>;

export interface LoadedSite {
  readonly manifest: Manifest;
  /** The real app's fetch handler, as the Worker runs it. */
  readonly fetch: Fetch;
}

interface AppModule {
  readonly createApp: (manifest: Manifest) => { fetch: (request: Request) => Response | Promise<Response> };
}

/** Imports the copy's `src/worker/app.ts` and generated manifest, and builds the app around it. */
export const loadSite = async (dir: string): Promise<LoadedSite> => {
  const { manifest } = (await import(pathToFileURL(manifestFile(dir)).href)) as { manifest: Manifest };
  const { createApp } = (await import(pathToFileURL(join(dir, "src", "worker", "app.ts")).href)) as AppModule;
  const app = createApp(manifest);
  return { manifest, fetch: async (request) => await app.fetch(request) };
};

export interface Route {
  readonly name: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Captured {
  readonly route: Route;
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array<ArrayBuffer>;
}

export const request = (route: Route, origin = ORIGIN): Request => new Request(`${origin}${route.path}`, { headers: route.headers });

export const capture = async (site: LoadedSite, route: Route): Promise<Captured> => {
  const response = await site.fetch(request(route));
  return { route, status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
};

/** The essay the bench uses: the middle one, so it has neighbours on both sides. */
export const sampleEssay = (manifest: Manifest): Manifest["essays"][number] => {
  const essay = manifest.essays[Math.floor(manifest.essays.length / 2)];
  if (!essay) throw new Error("the manifest has no essays");
  return essay;
};

/** Home, an essay, the Atom feed, a 304 revalidation of that essay (its ETag as If-None-Match), a 404. */
export const benchRoutes = async (site: LoadedSite): Promise<Captured[]> => {
  const essayPath = `/writing/${sampleEssay(site.manifest).slug}`;
  const essay = await capture(site, { name: "essay", path: essayPath, headers: {} });
  const etag = essay.headers.find(([name]) => name === "etag")?.[1];
  if (etag === undefined) throw new Error(`${essayPath} has no ETag`);
  const captured = [
    await capture(site, { name: "home", path: "/", headers: {} }),
    essay,
    await capture(site, { name: "feed.xml", path: "/writing/feed.xml", headers: {} }),
    await capture(site, { name: "304", path: essayPath, headers: { "If-None-Match": etag } }),
    await capture(site, { name: "404", path: "/writing/no-such-essay-for-the-bench", headers: {} }),
  ];
  const expected: Record<string, number> = { home: 200, essay: 200, "feed.xml": 200, "304": 304, "404": 404 };
  for (const { route, status } of captured) {
    if (status !== expected[route.name]) throw new Error(`${route.path} answered ${status}, not ${expected[route.name]}`);
  }
  return captured;
};

const conditionalOf = (captured: readonly Captured[]): Map<string, { etag: string; notModified: Captured }> => {
  const map = new Map<string, { etag: string; notModified: Captured }>();
  for (const entry of captured) {
    const etag = entry.route.headers["If-None-Match"];
    if (entry.status === 304 && etag !== undefined) map.set(entry.route.path, { etag, notModified: entry });
  }
  return map;
};

/**
 * The baseline: a Hono app that answers each captured route with its status, headers and body as
 * constants (the body as bytes), the 304 when If-None-Match is the captured ETag, and the captured
 * 404 for everything else.
 */
export const constantApp = (captured: readonly Captured[]): Fetch => {
  const app = new Hono();
  const reply = ({ status, headers, body }: Captured): Response => new Response(status === 304 ? null : body, { status, headers: headers as [string, string][] });
  const conditional = conditionalOf(captured);
  const notFound = captured.find((entry) => entry.status === 404);
  for (const entry of captured) {
    if (entry.status !== 200) continue;
    const revalidate = conditional.get(entry.route.path);
    app.get(entry.route.path, (c) => (revalidate !== undefined && c.req.header("if-none-match") === revalidate.etag ? reply(revalidate.notModified) : reply(entry)));
  }
  app.notFound(() => (notFound ? reply(notFound) : new Response(null, { status: 404 })));
  return async (request) => await app.fetch(request);
};

/**
 * The same baseline as a Worker module for workerd, holding every captured body as a string
 * constant (encoded to bytes once, on first use, so that startup only parses strings).
 */
export const constantWorkerSource = (captured: readonly Captured[]): string => {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const conditional = conditionalOf(captured);
  const entries = captured
    .filter((entry) => entry.status === 200)
    .map((entry) => {
      const revalidate = conditional.get(entry.route.path);
      return [entry.route.path, { status: entry.status, headers: entry.headers, body: decoder.decode(entry.body), etag: revalidate?.etag ?? null, notModifiedHeaders: revalidate?.notModified.headers ?? null }];
    });
  const notFound = captured.find((entry) => entry.status === 404);
  const lines = [
    `import { Hono } from "hono";`,
    `const encoder = new TextEncoder();`,
    `const ROUTES = new Map(${JSON.stringify(entries)});`,
    `const NOT_FOUND = ${JSON.stringify(notFound ? { headers: notFound.headers, body: decoder.decode(notFound.body) } : { headers: [], body: "" })};`,
    `const bytes = new Map();`,
    `const bodyOf = (key, text) => { let b = bytes.get(key); if (b === undefined) { b = encoder.encode(text); bytes.set(key, b); } return b; };`,
    `const app = new Hono();`,
    `app.get("*", (c) => {`,
    `  const route = ROUTES.get(c.req.path);`,
    `  if (route === undefined) return new Response(bodyOf("404", NOT_FOUND.body), { status: 404, headers: NOT_FOUND.headers });`,
    `  if (route.etag !== null && c.req.header("if-none-match") === route.etag) return new Response(null, { status: 304, headers: route.notModifiedHeaders });`,
    `  return new Response(bodyOf(c.req.path, route.body), { status: route.status, headers: route.headers });`,
    `});`,
    `export default app;`,
    ``,
  ];
  return lines.join("\n");
};
