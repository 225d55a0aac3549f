// The Worker decides at request time which essays are public: a dated essay goes live at 00:00
// UTC on its date with no rebuild. Tests choose the clock.

import { describe, expect, it } from "vitest";
import { appOf, manifestOf, ORIGIN, request } from "./app.ts";

const BEFORE = Date.parse("2098-12-31T23:59:59Z");
const AT = Date.parse("2099-01-01T00:00:00Z");
const SCHEDULED = "/writing/scheduled-essay";
/** Every page, feed and index that lists essays, the scheduled one once it is live. */
const LISTS = [
  "/",
  "/writing/",
  "/tags/files/",
  "/writing/feed.xml",
  "/writing/rss.xml",
  "/writing/feed.json",
  "/sitemap.xml",
  "/llms.txt",
];

describe("a scheduled essay", () => {
  it("is invisible before its date: 404, and absent from every list, feed and the sitemap", async () => {
    expect((await request(SCHEDULED, {}, { now: BEFORE })).status).toBe(404);
    expect((await request(`${SCHEDULED}.md`, {}, { now: BEFORE })).status).toBe(404);
    expect((await request("/tags/scheduling/", {}, { now: BEFORE })).status).toBe(404);
    for (const path of ["/tags/", ...LISTS]) {
      expect(await (await request(path, {}, { now: BEFORE })).text(), path).not.toContain("scheduled-essay");
    }
  });

  it("goes live at 00:00 UTC on its date, everywhere at once", async () => {
    expect((await request(SCHEDULED, {}, { now: AT })).status).toBe(200);
    expect((await request("/tags/scheduling/", {}, { now: AT })).status).toBe(200);
    for (const path of LISTS) {
      expect(await (await request(path, {}, { now: AT })).text(), path).toContain("scheduled-essay");
    }
  });

  it("changes the validators of every list when it goes live", async () => {
    for (const path of ["/", "/writing/", "/writing/feed.xml", "/tags/files/feed.xml", "/sitemap.xml"]) {
      const [before, at] = await Promise.all([request(path, {}, { now: BEFORE }), request(path, {}, { now: AT })]);
      expect(at.headers.get("etag"), path).not.toBe(before.headers.get("etag"));
      expect(at.headers.get("last-modified"), path).toBe("Thu, 01 Jan 2099 00:00:00 GMT");
    }
  });

  it("keeps an old ETag from getting a 304 once the list has changed", async () => {
    const etag = (await request("/writing/feed.xml", {}, { now: BEFORE })).headers.get("etag") ?? "";
    expect((await request("/writing/feed.xml", { headers: { "If-None-Match": etag } }, { now: AT })).status).toBe(200);
  });

  it("caps how long a list may be cached at the moment it goes live", async () => {
    const response = await request("/writing/", {}, { now: BEFORE });
    expect(response.headers.get("cache-control")).toBe("public, max-age=1");
    expect((await request("/writing/feed.xml", {}, { now: AT - 120_000 })).headers.get("cache-control")).toBe(
      "public, max-age=120",
    );
  });

  it("is seen by one running Worker as its clock moves: answers made earlier are neither stale nor cached too long", async () => {
    let now = AT - 86_400_000;
    const app = appOf(manifestOf(), () => now);
    const get = async (path: string) => await app.request(`${ORIGIN}${path}`);
    const far = await get("/writing/");
    expect(far.headers.get("cache-control")).toBe("public, max-age=300");
    now = AT - 60_000;
    const near = await get("/writing/");
    expect(near.headers.get("etag")).toBe(far.headers.get("etag"));
    expect(near.headers.get("cache-control")).toBe("public, max-age=60");
    expect((await get("/writing/feed.xml")).headers.get("cache-control")).toBe("public, max-age=60");
    now = AT;
    const live = await get("/writing/");
    expect(live.headers.get("etag")).not.toBe(far.headers.get("etag"));
    expect(await live.text()).toContain("scheduled-essay");
    expect((await get(SCHEDULED)).status).toBe(200);
  });

  it("makes its 404 revalidate, so no cache keeps it past the moment it exists", async () => {
    expect((await request(SCHEDULED, {}, { now: BEFORE })).headers.get("cache-control")).toBe("no-cache");
  });
});
