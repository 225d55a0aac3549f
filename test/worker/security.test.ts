import { describe, expect, it } from "vitest";
import { fixtureApp, request } from "./app.ts";

const POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests";

const EXPECTED = {
  "content-security-policy": POLICY,
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "cross-origin-opener-policy": "same-origin",
  "x-frame-options": "DENY",
};

const KINDS: [string, () => Promise<Response>, number][] = [
  ["a page", () => request("/writing/first-contract"), 200],
  ["a feed", () => request("/writing/feed.xml"), 200],
  ["a redirect to the other slash form", () => request("/about"), 301],
  ["an alias", () => request("/posts/long-read/"), 301],
  ["the www redirect", () => Promise.resolve(fixtureApp().request("https://www.fmlops.dev/about/")), 301],
  [
    "a 304",
    async () =>
      request("/about/", { headers: { "If-None-Match": (await request("/about/")).headers.get("etag") ?? "" } }),
    304,
  ],
  ["a 404", () => request("/nope"), 404],
  ["a 405", () => request("/about/", { method: "DELETE" }), 405],
  ["a HEAD", () => request("/", { method: "HEAD" }), 200],
  ["a search", () => request("/search?q=contract"), 200],
  ["a search it cannot run", () => request("/search?page=0"), 400],
];

describe("security headers", () => {
  it.each(KINDS)("are on %s", async (_kind, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(EXPECTED)) expect(response.headers.get(name), name).toBe(value);
  });

  it("allow no inline script or style, and no eval", () => {
    expect(POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(POLICY).toMatch(/^default-src 'none'; /);
  });

  it("let other sites embed the essays' images, as feed readers do", async () => {
    expect((await request("/")).headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });

  it("leave no inline style attribute in any page, which the policy would block", async () => {
    for (const path of [
      "/",
      "/writing/",
      "/writing/long-read",
      "/writing/unicode",
      "/tags/",
      "/series/",
      "/about/",
      "/nope",
    ]) {
      expect(await (await request(path)).text(), path).not.toMatch(/\sstyle=|<style/);
    }
  });
});
