// Essays' bodies as the Worker reads them from its static assets: only when a page or feed needs one,
// once per answer in production, afresh in the preview; checked against the hash its name holds; and a
// body that cannot be read answers a 503 that no cache keeps, and the next request tries again.

import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/manifest.ts";
import { createApp } from "../../src/worker/app.ts";
import type { Assets } from "../../src/worker/bodies.ts";
import { fixtureAssets, manifestOf, NOW, ORIGIN } from "./app.ts";

const ESSAY = "/writing/first-contract";

/** The fixtures' assets, counting the bodies read, with a switch that makes every read fail. */
const countingAssets = (answer: (request: Request) => Promise<Response> = fixtureAssets.fetch) => {
  const reads: string[] = [];
  const state = { failing: false };
  const assets: Assets = {
    fetch: async (request) => {
      reads.push(new URL(request.url).pathname);
      return state.failing ? new Response("Not Found", { status: 404 }) : answer(request);
    },
  };
  return { assets, reads, state };
};

const appWith = (assets: Assets, manifest: Manifest = manifestOf(), memoBytes?: number) =>
  createApp(manifest, { now: () => NOW, assets, ...(memoBytes === undefined ? {} : { memoBytes }) });
const get = async (app: ReturnType<typeof appWith>, path: string) => await app.request(`${ORIGIN}${path}`);

describe("essays' bodies", () => {
  it("are read only by the pages and feeds that show one, and once per answer in production", async () => {
    const { assets, reads } = countingAssets();
    const app = appWith(assets);
    for (const path of ["/", "/writing/", "/tags/", "/sitemap.xml", "/llms.txt"])
      expect((await get(app, path)).status).toBe(200);
    expect(reads).toEqual([]);
    const essay = manifestOf().essays.find((e) => e.slug === "first-contract");
    expect((await get(app, ESSAY)).status).toBe(200);
    expect((await get(app, ESSAY)).status).toBe(200);
    expect(reads).toEqual([essay?.body]);
    expect((await get(app, `${ESSAY}.md`)).status).toBe(200);
    expect(reads).toEqual([essay?.body, essay?.body]);
  });

  it("are read afresh on every request in the preview, whose bodies change in place", async () => {
    const { assets, reads } = countingAssets();
    const app = appWith(assets, manifestOf("preview"));
    await get(app, ESSAY);
    await get(app, ESSAY);
    expect(reads).toEqual(["/_bodies/preview/first-contract.json", "/_bodies/preview/first-contract.json"]);
  });

  it("answer a 503 that no cache keeps and that names nothing of the failure, and are read again on the next request", async () => {
    const { assets, state } = countingAssets();
    const app = appWith(assets);
    state.failing = true;
    for (const path of [ESSAY, `${ESSAY}.md`, "/writing/feed.xml", "/writing/rss.xml", "/writing/feed.json"]) {
      const response = await get(app, path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("retry-after")).toBe("60");
      expect(response.headers.get("content-security-policy")).toContain("default-src");
      expect(response.headers.get("etag")).toBeNull();
      const page = await response.text();
      expect(page).toContain("<h1>Not available just now</h1>");
      expect(page).not.toMatch(/_bodies|AssetUnavailable|assets answered/);
    }
    // The lists need no body, and keep answering.
    expect((await get(app, "/writing/")).status).toBe(200);
    state.failing = false;
    const recovered = await get(app, ESSAY);
    expect(recovered.status).toBe(200);
    expect(await recovered.text()).toContain('<div class="prose">');
  });

  it("are never shown when their bytes are not the ones their name hashes", async () => {
    const tampered = async (request: Request): Promise<Response> => {
      const body = JSON.parse(await (await fixtureAssets.fetch(request)).text()) as { html: string };
      return new Response(JSON.stringify({ ...body, html: `${body.html}<p>Added after the build.</p>` }));
    };
    const app = appWith(countingAssets(tampered).assets);
    const response = await get(app, ESSAY);
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain("Added after the build.");
  });

  it("are read again once the epoch's answers pass their byte bound and the oldest are forgotten", async () => {
    const [first, second] = ["/writing/first-contract", "/writing/long-read"];
    const bounded = countingAssets();
    const probe = appWith(countingAssets().assets);
    const sizes = [
      (await (await get(probe, first)).arrayBuffer()).byteLength,
      (await (await get(probe, second)).arrayBuffer()).byteLength,
    ];
    // Room for either essay page, not both: the second one pushes the first out.
    const app = appWith(bounded.assets, manifestOf(), Math.max(...sizes));
    for (const path of [first, first, second, second, first]) expect((await get(app, path)).status).toBe(200);
    expect(bounded.reads).toHaveLength(3);
    const unbounded = countingAssets();
    const roomy = appWith(unbounded.assets);
    for (const path of [first, first, second, second, first]) expect((await get(roomy, path)).status).toBe(200);
    expect(unbounded.reads).toHaveLength(2);
  });
});
