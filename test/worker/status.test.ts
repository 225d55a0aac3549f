import { describe, expect, it } from "vitest";
import { appOf, fixtureApp, manifestOf, NOW, ORIGIN, request } from "./app.ts";

const redirects = async (from: string, to: string): Promise<void> => {
  const response = await request(from);
  expect(response.status).toBe(301);
  expect(response.headers.get("location")).toBe(to);
};

describe("trailing slashes", () => {
  it.each([
    ["/writing", "/writing/"],
    ["/about", "/about/"],
    ["/writing/first-contract/", "/writing/first-contract"],
    ["/writing?utm_source=feed&x=1", "/writing/?utm_source=feed&x=1"],
    ["/writing/first-contract/?ref=home", "/writing/first-contract?ref=home"],
  ])("redirects %s to %s with a 301", redirects);

  it("redirects HEAD like GET", async () => {
    const response = await request("/about", { method: "HEAD" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/about/");
  });

  it.each(["/nope", "/nope/", "/writing/nope", "/writing/nope/", "/writing/first-contract/extra"])(
    "does not redirect %s, which is not the other form of any page",
    async (path) => {
      expect((await request(path)).status).toBe(404);
    },
  );
});

describe("the canonical host", () => {
  it("redirects www to the canonical origin with path and query", async () => {
    const response = await fixtureApp().request(new Request("https://www.fmlops.dev/writing/first-contract?a=1&b=2"));
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("https://fmlops.dev/writing/first-contract?a=1&b=2");
  });

  it("treats the www host written with a final dot as www", async () => {
    const response = await fixtureApp().request("https://www.fmlops.dev./about/");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("https://fmlops.dev/about/");
  });

  it("redirects www even for paths that do not exist, leaving the 404 to the canonical host", async () => {
    const response = await fixtureApp().request("https://www.fmlops.dev/nope");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("https://fmlops.dev/nope");
  });
});

describe("methods", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])("answers %s on a page with 405 and Allow", async (method) => {
    for (const path of ["/", "/writing/", "/writing/first-contract", "/about/", "/about"]) {
      const response = await request(path, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
    }
  });

  it.each(["POST", "DELETE"])("answers %s on an unknown path with 404", async (method) => {
    for (const path of ["/nope", "/writing/no-such-essay", "/no-such-page/"]) {
      expect((await request(path, { method })).status, `${method} ${path}`).toBe(404);
    }
  });
});

describe("the 404 page", () => {
  it("is an HTML page in the layout, with status 404 and a way back", async () => {
    const response = await request("/does/not/exist");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const body = await response.text();
    expect(body).toContain("<h1>Not found</h1>");
    expect(body).toContain('<a href="/writing/">writing page</a>');
    expect(body).not.toContain('rel="canonical"');
  });

  it("does not echo the requested path", async () => {
    const body = await (await request("/%3Cscript%3Ealert(1)%3C/script%3E")).text();
    expect(body).not.toContain("script%3E");
    expect(body).not.toContain("<script>");
  });

  it("answers HEAD with 404 and no body", async () => {
    const response = await request("/nope", { method: "HEAD" });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("");
  });

  it.each(["/WRITING/", "/writing/First-Contract", "/About/"])(
    "treats %s as unknown: URLs are lowercase",
    async (path) => {
      expect((await request(path)).status).toBe(404);
    },
  );
});

describe("conventional addresses", () => {
  it.each([
    ["/feed/", "/writing/feed.xml"],
    ["/feed", "/writing/feed.xml"],
    ["/rss.xml", "/writing/rss.xml"],
    ["/atom.xml", "/writing/feed.xml"],
    ["/index.xml", "/writing/rss.xml"],
    ["/feed.json", "/writing/feed.json"],
    ["/archive/?y=2026", "/writing/?y=2026"],
  ])("redirect %s to %s", redirects);
});

describe("one spelling per URL", () => {
  it.each([
    ["/%77riting/", "/writing/"],
    ["/writing/%66irst-contract", "/writing/first-contract"],
    ["/tags/%63ontracts/?a=1", "/tags/contracts/?a=1"],
  ])("redirects %s, spelled with escapes, to %s", redirects);

  it("redirects only reading: other methods get the 405 of the page", async () => {
    expect((await request("/%77riting/", { method: "POST" })).status).toBe(405);
  });

  it("leaves an escaped path the site does not have to the 404 page", async () => {
    expect((await request("/%77riting/nope")).status).toBe(404);
  });
});

describe("a failure to render", () => {
  it("answers a 500 that names nothing, with the security headers, and is not kept: the next request renders again", async () => {
    const manifest = manifestOf();
    const [about] = manifest.pages;
    if (about === undefined) throw new Error("the fixtures have pages");
    let failures = 1;
    const failing = {
      ...about,
      get html(): string {
        if (failures-- > 0) throw new Error("a template failed at /secret/path.ts");
        return about.html;
      },
    };
    const app = appOf({ ...manifest, pages: [failing, ...manifest.pages.slice(1)] }, NOW);
    const failed = await app.request(`${ORIGIN}/${about.slug}/`);
    expect(failed.status).toBe(500);
    expect(failed.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(await failed.text()).toBe("500 Internal Server Error\n");
    const again = await app.request(`${ORIGIN}/${about.slug}/`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(about.title);
  });
});
