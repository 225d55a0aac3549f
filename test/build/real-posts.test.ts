// The site's own posts/: they build, and the opening essays are real essays.

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectPosts } from "../../src/generator/collect.ts";
import { readPostsFolder } from "../../src/generator/inputs.ts";
import { readLedger } from "../../src/generator/ledger.ts";
import { formatProblem } from "../../src/generator/problem.ts";
import { bodyOf } from "../support/temp-posts.ts";

const collected = collectPosts({
  folder: readPostsFolder(fileURLToPath(new URL("../../posts", import.meta.url))),
  displayDir: "posts",
  mode: "production",
  stylesheet: "/style.test.css",
  today: new Date().toISOString().slice(0, 10),
  ledger: {
    entries: readLedger(fileURLToPath(new URL("../../published-urls.txt", import.meta.url))),
    displayFile: "published-urls.txt",
  },
  publicDir: fileURLToPath(new URL("../../public", import.meta.url)),
});

describe("posts/", () => {
  it("builds without problems, every URL in the ledger still resolving", () => {
    expect(collected.ok ? [] : collected.problems.map(formatProblem)).toEqual([]);
  });

  it("has the about page that /about/ has always served", () => {
    expect(collected.ok && collected.manifest.pages.map((page) => page.slug)).toContain("about");
  });

  it("has at least four essays of several hundred words, each quoting code", () => {
    const essays = collected.ok ? collected.manifest.essays : [];
    expect(essays.length).toBeGreaterThanOrEqual(4);
    for (const essay of essays) {
      expect(bodyOf(collected, essay.slug).words, essay.source).toBeGreaterThan(500);
      expect(bodyOf(collected, essay.slug).html, essay.source).toMatch(
        /<pre tabindex="0"><code class="hljs language-[a-z]+">/,
      );
    }
  });
});
