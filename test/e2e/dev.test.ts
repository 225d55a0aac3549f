// `npm run dev`, as the README promises it: the real Workers runtime with the static-assets layer
// in front, on 127.0.0.1, rebuilding when a post is saved.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject, type ProjectCopy } from "../support/project-copy.ts";
import { eventually, startDevServer, type DevServer } from "../support/dev-server.ts";

const POST = "posts/2026-10-27-the-hash-that-never-matched.md";
const NAVIGATE = { "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document", Accept: "text/html" };

describe("npm run dev", () => {
  let project: ProjectCopy;
  let server: DevServer;

  beforeAll(async () => {
    project = copyProject();
    server = await startDevServer(project.dir);
  });

  afterAll(async () => {
    await server?.stop();
    project?.remove();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}${path}`, { headers, redirect: "manual" });

  it("serves the stylesheet and favicon from public/", async () => {
    const css = await get("/style.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    const icon = await get("/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });

  it.each(["/", "/writing/", "/about/", "/writing/the-hash-that-never-matched"])(
    "answers a browser navigation to %s from the Worker, not the assets layer",
    async (path) => {
      const response = await get(path, NAVIGATE);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<main id="main">');
    },
  );

  it("answers a browser navigation to an unknown path with the Worker's 404 page", async () => {
    const response = await get("/no-such-page", NAVIGATE);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("<h1>Not found</h1>");
  });

  it("redirects the other trailing-slash form through the whole stack", async () => {
    const response = await get("/writing", NAVIGATE);
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get("location") ?? "", server.origin).pathname).toBe("/writing/");
  });

  it("rebuilds when a post is saved, and keeps the last good build when a post breaks", async () => {
    const path = join(project.dir, POST);
    const original = readFileSync(path, "utf8");
    writeFileSync(path, original.replace(/^title: .*$/m, 'title: "A title saved just now"'));
    const reloaded = await eventually(async () =>
      (await (await get("/writing/")).text()).includes("A title saved just now"),
    );
    expect(reloaded, server.output()).toBe(true);

    writeFileSync(path, original.replace(/^title: .*$/m, "title: [unclosed"));
    const reported = await eventually(async () => server.output().includes(`[dev] ${POST}:`));
    expect(reported, server.output()).toBe(true);
    expect(server.output()).toContain("still serving the last good build");
    const page = await get("/writing/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("A title saved just now");
  });
});
