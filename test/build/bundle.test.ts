// What wrangler would upload: `wrangler deploy --dry-run` works offline. Its esbuild metafile lists
// every input of the bundle, which is the precise way to prove what the Worker does not contain.

import type { SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dryRunIn } from "../support/npm.ts";
import { ROOT } from "../support/project-copy.ts";

const BUILD_TIME_ONLY = [
  "marked",
  "marked-footnote",
  "highlight.js",
  "github-slugger",
  "gray-matter",
  "js-yaml",
  "zod",
  "htmlparser2",
  "entities",
];

let outDir: string;
let dryRun: SpawnSyncReturns<string>;
let inputs: string[];

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), "fmlops-bundle-"));
  dryRun = dryRunIn(ROOT, outDir, ["--metafile", join(outDir, "meta.json")]);
  inputs =
    dryRun.status === 0
      ? Object.keys((JSON.parse(readFileSync(join(outDir, "meta.json"), "utf8")) as { inputs: object }).inputs)
      : [];
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("wrangler deploy --dry-run", () => {
  it("succeeds offline and reports the upload size", () => {
    expect(dryRun.status, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toMatch(/Total Upload: [\d.]+ KiB \/ gzip: [\d.]+ KiB/);
  });

  it("bundles the Worker, Hono and the generated manifest", () => {
    expect(inputs).toContain("src/worker/index.ts");
    expect(inputs.filter((input) => input.startsWith("src/generated/"))).toEqual(["src/generated/manifest.ts"]);
    expect(inputs.some((input) => input.startsWith("node_modules/hono/"))).toBe(true);
  });

  it.each(BUILD_TIME_ONLY)("leaves %s out of the Worker", (library) => {
    expect(inputs.filter((input) => input.startsWith(`node_modules/${library}/`))).toEqual([]);
  });

  it("leaves the generator's own code out of the Worker", () => {
    expect(inputs.filter((input) => input.startsWith("src/generator/"))).toEqual([]);
  });
});
