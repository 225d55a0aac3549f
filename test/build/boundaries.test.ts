// Build time (Node) and request time (workerd) are two rooms that meet only in the shared modules:
// the manifest type, the site configuration and the URL grammar. This reads every import and fails
// when a file reaches into the other room.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/project-copy.ts";

const SHARED = ["src/manifest.ts", "src/site.ts", "src/urls.ts", "src/security.ts", "src/search.ts"];
/** The libraries the Worker runs: Hono, and edit distance for search's typos. */
const WORKER_LIBRARIES = /^(hono|fastest-levenshtein)(\/|$)/;
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

const filesIn = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(ts|js)$/.test(name))
    .map((name) => join(dir, name));

const importsOf = (file: string): string[] =>
  [...readFileSync(join(ROOT, file), "utf8").matchAll(IMPORT_RE)].map((match) => {
    const specifier = match[1] ?? match[2] ?? "";
    return specifier.startsWith(".") ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier;
  });

/** Every import of the files in `dir` that `allowed` refuses, as "file -> import". */
const violations = (dir: string, allowed: (target: string) => boolean): string[] =>
  filesIn(dir).flatMap((file) =>
    importsOf(file)
      .filter((target) => !allowed(target))
      .map((target) => `${file} -> ${target}`),
  );

describe("the two rooms", () => {
  it("the Worker imports only its own files, the shared modules, the generated manifest and its two libraries", () => {
    expect(
      violations(
        "src/worker",
        (t) =>
          t.startsWith("src/worker/") ||
          SHARED.includes(t) ||
          t === "src/generated/manifest.ts" ||
          WORKER_LIBRARIES.test(t),
      ),
    ).toEqual([]);
  });

  it("the generator never imports the Worker", () => {
    expect(violations("src/generator", (t) => !t.startsWith("src/worker") && !t.startsWith("src/generated"))).toEqual(
      [],
    );
  });

  it("the author's tools never import the Worker either: they live in the generator's room", () => {
    expect(violations("src/author", (t) => !t.startsWith("src/worker") && !t.startsWith("src/generated"))).toEqual([]);
  });

  it("the shared modules import nothing but each other", () => {
    expect(
      SHARED.flatMap((file) =>
        importsOf(file)
          .filter((t) => !SHARED.includes(t))
          .map((t) => `${file} -> ${t}`),
      ),
    ).toEqual([]);
  });

  it("finds the imports it checks (a reader that saw none would pass everything)", () => {
    expect(importsOf("src/worker/app.ts")).toContain("src/worker/canonical.ts");
    expect(importsOf("src/worker/app.ts")).toContain("hono");
    expect(importsOf("src/generator/inputs.ts")).toContain("node:fs");
  });
});
