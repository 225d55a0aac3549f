// public/_headers reaches every static file however many there are: Cloudflare applies the first 100
// rules of the file only, so a rule per file left most of a large public/ without its policy.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { copyProject, type ProjectCopy } from "../support/project-copy.ts";

const FILES = [
  ...Array.from({ length: 300 }, (_, i) => `/images/figure-${i}.svg`),
  ...Array.from({ length: 120 }, (_, i) => `/note-${i}.txt`),
];

describe("a public/ of hundreds of files, under npm run dev", () => {
  let project: ProjectCopy;
  let server: DevServer;

  beforeAll(async () => {
    project = copyProject();
    mkdirSync(join(project.dir, "public", "images"));
    for (const path of FILES) writeFileSync(join(project.dir, "public", path), `${path}\n`);
    server = await startDevServer(project.dir);
  });

  afterAll(async () => {
    await server?.stop();
    project?.remove();
  });

  it("serves every file with the one-day cache rule and the policy the Worker sends", async () => {
    const answers: string[] = [];
    for (const path of FILES) {
      const response = await fetch(`${server.origin}${path}`);
      await response.arrayBuffer();
      const policy = response.headers.get("content-security-policy") ?? "none";
      answers.push(`${path} ${response.status} ${response.headers.get("cache-control")} ${policy}`);
    }
    // The policy the Worker sends with its own pages.
    const expected = (await fetch(`${server.origin}/`)).headers.get("content-security-policy");
    expect(expected).toContain("default-src 'none'");
    expect(answers).toEqual(FILES.map((path) => `${path} 200 public, max-age=86400 ${expected}`));
  });
});
