// The built site of a project copy, served by its own Worker bundle in `workerd serve` (the runtime the
// site runs in: its HTMLRewriter makes the feeds), what it answers captured as bytes, and the baseline
// made of those bytes: a Worker that hands out the captured answers as string constants, through the
// smallest Hono app.

import { pathToFileURL } from "node:url";
import { projectPaths } from "../../src/generator/paths.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Body, Essay, Manifest } from "../../src/manifest.ts";
import { serveWorkerd } from "./serve.ts";
import { compatibilityDate } from "./wrangler.ts";

export interface LoadedSite {
  readonly manifest: Manifest;
  /** An essay's body, as the build wrote it. */
  readonly body: (essay: Essay) => Body;
  /** The served Worker's answer for a path (with its query), redirects not followed. */
  readonly fetch: (path: string, headers?: Readonly<Record<string, string>>) => Promise<Response>;
  /** CPU time (ms) workerd has used so far. */
  readonly cpuMs: () => number;
}

/**
 * `use` given the copy's site, its Worker (`module`, the copy's `wrangler deploy --dry-run` bundle)
 * served by workerd; the server is stopped however `use` ends.
 */
export const withSite = async <T>(dir: string, module: string, use: (site: LoadedSite) => Promise<T>): Promise<T> => {
  const { outFile, publicDir } = projectPaths(dir);
  const { manifest } = (await import(pathToFileURL(outFile).href)) as { manifest: Manifest };
  const server = await serveWorkerd("the site", module, compatibilityDate(dir), publicDir);
  try {
    return await use({
      manifest,
      body: (essay) => JSON.parse(readFileSync(join(publicDir, essay.body), "utf8")) as Body,
      fetch: (path, headers = {}) => fetch(`${server.origin}${path}`, { headers, redirect: "manual" }),
      cpuMs: server.cpuMs,
    });
  } finally {
    await server.stop();
  }
};

interface Route {
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

const CONNECTION_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive"]);

const capture = async (site: LoadedSite, route: Route): Promise<Captured> => {
  const response = await site.fetch(route.path, route.headers);
  // What the connection says of itself is not part of the answer a Worker gives.
  const headers = [...response.headers].filter(([name]) => !CONNECTION_HEADERS.has(name));
  return { route, status: response.status, headers, body: await response.bytes() };
};

/** The essay the bench uses: the middle one, so it has neighbours on both sides. */
export const sampleEssay = (manifest: Manifest): Essay => {
  const essay = manifest.essays[Math.floor(manifest.essays.length / 2)];
  if (essay === undefined) throw new Error("the manifest has no essays");
  return essay;
};

const EXPECTED: Record<string, number> = { home: 200, essay: 200, "feed.xml": 200, "304": 304, "404": 404 };

/** Section 4's five: home, an essay, the Atom feed, that essay revalidated with its ETag (304), and a 404. */
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
  for (const { route, status } of captured)
    if (status !== EXPECTED[route.name])
      throw new Error(`${route.path} answered ${status}, not ${EXPECTED[route.name]}`);
  return captured;
};

/**
 * The constant-bytes Worker's source: each captured 200 at its path (with the captured 304 when
 * If-None-Match is the captured ETag), the captured 404 for anything else. Bodies are string
 * constants encoded once, on first use, so that startup only parses strings, as ours does.
 */
export const constantWorkerSource = (captured: readonly Captured[]): string => {
  const text = new TextDecoder("utf-8", { fatal: true });
  const routes = captured
    .filter(({ status }) => status === 200)
    .map(({ route, headers, body }) => {
      const revalidated = captured.find((c) => c.status === 304 && c.route.path === route.path);
      const etag = revalidated?.route.headers["If-None-Match"];
      return [route.path, { headers, body: text.decode(body), etag, notModified: revalidated?.headers }] as const;
    });
  const notFound = captured.find(({ status }) => status === 404);
  return `import { Hono } from "hono";
const ROUTES = new Map(${JSON.stringify(routes)});
const NOT_FOUND = ${JSON.stringify({ headers: notFound?.headers ?? [], body: notFound ? text.decode(notFound.body) : "" })};
const encoder = new TextEncoder();
const bytes = new Map();
const bodyOf = (key, body) => bytes.get(key) ?? bytes.set(key, encoder.encode(body)).get(key);
const app = new Hono();
app.get("*", (c) => {
  const route = ROUTES.get(c.req.path);
  if (route === undefined) return new Response(bodyOf("", NOT_FOUND.body), { status: 404, headers: NOT_FOUND.headers });
  if (route.etag !== undefined && c.req.header("if-none-match") === route.etag)
    return new Response(null, { status: 304, headers: route.notModified });
  return new Response(bodyOf(c.req.path, route.body), { headers: route.headers });
});
export default app;
`;
};
