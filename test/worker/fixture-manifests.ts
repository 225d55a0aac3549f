// Global setup (runs in Node before the workerd tests): builds fixture posts with the real build
// and hands the manifests, and the bodies they name by path, to the tests through vitest's provide/inject.
//   production, preview   test/fixtures/posts in each mode
//   rebuilt               the same posts built again, independently: validators must not move
//   many                  25 generated essays over 2024 and 2025: feed limits, grouping by year

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { cardDesign } from "../../src/generator/cards/values.ts";
import { collectPosts } from "../../src/generator/collect.ts";
import { readPostsFolder } from "../../src/generator/inputs.ts";
import { formatProblem } from "../../src/generator/problem.ts";
import type { BuildMode, Manifest } from "../../src/manifest.ts";

const bodies = new Map<string, string>();
import { FIXTURE_POSTS } from "../support/fixture-site.ts";
import { ROOT } from "../support/project-copy.ts";

const build = (postsDir: string, mode: BuildMode): Manifest => {
  const result = collectPosts({
    folder: readPostsFolder(postsDir),
    displayDir: "posts",
    mode,
    publicDir: join(ROOT, "public"),
    stylesheet: "/style.0123456789.css",
    today: "2026-11-25",
    ledger: { entries: [], displayFile: "none" },
    // As the real build: production essays name their social cards (which are drawn only by a build).
    ...(mode === "production" ? { cards: cardDesign(ROOT, join(ROOT, "public")) } : {}),
  });
  if (!result.ok) throw new Error(`fixture posts do not build:\n${result.problems.map(formatProblem).join("\n")}`);
  for (const [path, text] of [...result.bodies, ...result.search()]) bodies.set(path, text);
  return result.manifest;
};

const manyEssays = (): Manifest => {
  const dir = mkdtempSync(join(tmpdir(), "fmlops-many-"));
  try {
    for (let i = 0; i < 25; i++) {
      const date = new Date(Date.UTC(2024, 0, 1) + i * 30 * 86_400_000).toISOString().slice(0, 10);
      const front = [
        `title: "Essay number ${i + 1}"`,
        `dek: "Dek ${i + 1}"`,
        `summary: "Summary ${i + 1}."`,
        `tags: [${i % 2 === 0 ? "even" : "odd"}]`,
      ];
      writeFileSync(join(dir, `${date}-essay-${i + 1}.md`), `---\n${front.join("\n")}\n---\nBody of essay ${i + 1}.\n`);
    }
    return build(dir, "production");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default function setup(project: TestProject): void {
  project.provide("fixtureManifests", {
    production: build(FIXTURE_POSTS, "production"),
    preview: build(FIXTURE_POSTS, "preview"),
    rebuilt: build(FIXTURE_POSTS, "production"),
    many: manyEssays(),
  });
  project.provide("fixtureBodies", Object.fromEntries(bodies));
}
