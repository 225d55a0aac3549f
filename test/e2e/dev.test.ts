// `npm run dev`, as the README promises it: the real Workers runtime with the static-assets layer
// in front, on 127.0.0.1, rebuilding when a post is saved.

import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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
    writeFileSync(path, original);
    expect(await eventually(async () => !(await (await get("/writing/")).text()).includes("saved just now"))).toBe(
      true,
    );
  });

  it("serves a save that changes only an essay's body without reloading the Worker", async () => {
    const path = join(project.dir, POST);
    const manifest = join(project.dir, "src/generated/manifest.ts");
    const [module, modified] = [readFileSync(manifest, "utf8"), statSync(manifest).mtimeMs];
    const reloads = server.output().split("Reloading local server").length;
    const original = readFileSync(path, "utf8");
    // One word for another: the essay's length, and so its reading time in the lists, stay as they were.
    writeFileSync(path, original.replace("thirty summaries a night", "thirty digests a night"));
    const served = await eventually(async () =>
      (await (await get("/writing/the-hash-that-never-matched")).text()).includes("thirty digests a night"),
    );
    expect(served, server.output()).toBe(true);
    expect(
      (await (await get("/writing/the-hash-that-never-matched.md")).text()).includes("thirty digests a night"),
    ).toBe(true);
    expect((await (await get("/writing/feed.xml")).text()).includes("thirty digests a night")).toBe(true);
    expect(readFileSync(manifest, "utf8")).toBe(module);
    expect(statSync(manifest).mtimeMs).toBe(modified);
    expect(server.output().split("Reloading local server").length).toBe(reloads);
  });

  it("serves a new essay, whose new body file the Worker reads after the reload its manifest causes", async () => {
    writeFileSync(
      join(project.dir, "posts/2026-11-01-a-new-essay.md"),
      '---\ntitle: "A new essay"\ndek: "Just written"\nsummary: "Written during the test."\n---\nA body no other essay has.\n',
    );
    const served = await eventually(async () => (await get("/writing/a-new-essay")).status === 200);
    expect(served, server.output()).toBe(true);
    expect(await (await get("/writing/a-new-essay")).text()).toContain("A body no other essay has.");
  });

  it("keeps the bodies' own files private: their URLs answer the site's 404", async () => {
    const names = readdirSync(join(project.dir, "public/_bodies/preview"));
    expect(names).toContain("the-hash-that-never-matched.json");
    for (const path of ["/_bodies/preview/the-hash-that-never-matched.json", "/_bodies/", "/_bodies/preview/"]) {
      for (const headers of [{}, NAVIGATE]) {
        const response = await get(path, headers);
        expect(response.status, path).toBe(404);
        expect(await response.text()).toContain("<h1>Not found</h1>");
      }
    }
  });
});
