// The built site of a project copy, loaded in this Node process (the copy's own app around its own
// generated manifest), what it answers captured as bytes, and the baseline made of those bytes: a
// Worker that hands out the captured answers as string constants, through the smallest Hono app.

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectPaths } from "../../src/generator/paths.ts";
import type { Essay, Manifest } from "../../src/manifest.ts";

export const ORIGIN = "https://fmlops.dev";

export interface LoadedSite {
  readonly manifest: Manifest;
  readonly fetch: (request: Request) => Promise<Response>;
}

interface AppModule {
  readonly createApp: (manifest: Manifest) => { fetch: (request: Request) => Response | Promise<Response> };
}

export const loadSite = async (dir: string): Promise<LoadedSite> => {
  const { manifest } = (await import(pathToFileURL(projectPaths(dir).outFile).href)) as { manifest: Manifest };
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

export const capture = async (site: LoadedSite, route: Route): Promise<Captured> => {
  const response = await site.fetch(new Request(`${ORIGIN}${route.path}`, { headers: route.headers }));
  return { route, status: response.status, headers: [...response.headers], body: await response.bytes() };
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
