// Global setup (runs in Node before the workerd tests): builds the fixture posts with the real
// build, in both modes, and hands the manifests to the tests through vitest's provide/inject.

import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { collectPosts } from "../../src/build/collect.ts";
import { formatProblem } from "../../src/build/problem.ts";
import type { BuildMode, Manifest } from "../../src/manifest.ts";

const POSTS = fileURLToPath(new URL("../fixtures/posts", import.meta.url));

const build = (mode: BuildMode): Manifest => {
  const result = collectPosts({
    root: fileURLToPath(new URL("../..", import.meta.url)),
    postsDir: POSTS,
    displayDir: "test/fixtures/posts",
    mode,
    assetNames: new Set(),
    stylesheet: "/style.0123456789.css",
  });
  if (!result.ok) throw new Error(`fixture posts do not build:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.manifest;
};

export default function setup(project: TestProject): void {
  project.provide("fixtureManifests", { production: build("production"), preview: build("preview") });
}
