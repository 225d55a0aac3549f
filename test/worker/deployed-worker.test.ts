// The Worker as deployed: its default export around the generated manifest of the real posts/.
// (This calls the Worker directly; what the static-assets layer in front of it does is proven
// against `wrangler dev` in test/e2e.)

import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const get = (path: string, init: RequestInit = {}): Promise<Response> =>
  exports.default.fetch(new Request(`https://fmlops.dev${path}`, { redirect: "manual", ...init }));

describe("the deployed Worker", () => {
  it("serves the live site's URLs", async () => {
    for (const path of ["/", "/writing/", "/about/"]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it("serves every essay listed on /writing/ at /writing/<slug>", async () => {
    const index = await (await get("/writing/")).text();
    const slugs = [...new Set([...index.matchAll(/href="\/writing\/([a-z0-9-]+)"/g)].map((m) => m[1]))];
    expect(slugs.length).toBeGreaterThanOrEqual(4);
    for (const slug of slugs) {
      const response = await get(`/writing/${slug}`);
      expect(response.status, slug).toBe(200);
      expect(await response.text()).toContain('<div class="prose">');
    }
  });

  it("answers an unknown path with the site's own 404 page", async () => {
    const response = await get("/no-such-thing", { headers: { "Sec-Fetch-Mode": "navigate" } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("<h1>Not found</h1>");
  });
});
