import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenReferences, contractRows } from "../support/contracts.ts";
import { ROOT } from "../support/project-copy.ts";

const CONTRACTS = readFileSync(join(ROOT, "CONTRACTS.md"), "utf8");

describe("CONTRACTS.md", () => {
  it("lists the contracts between every pair of parts the site has", () => {
    const sections = [...CONTRACTS.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual([
      "posts ↔ build",
      "build ↔ Worker",
      "Worker ↔ readers",
      "Worker ↔ feed readers",
      "repository ↔ CI and deploy",
      "author ↔ git",
    ]);
    expect(contractRows(CONTRACTS).length).toBeGreaterThanOrEqual(20);
  });

  it("names only mechanisms and tests that exist", () => {
    expect(brokenReferences(CONTRACTS, ROOT)).toEqual([]);
  });

  it("is checked by a reader that catches a test that does not exist", () => {
    const broken = [
      "| contract | enforced by | proven by |",
      "| --- | --- | --- |",
      '| a | `src/generator/filename.ts` | `test/build/filename.test.ts` › "a test nobody wrote" |',
      '| b | `src/generator/nowhere.ts` | `test/build/missing.test.ts` › "x" |',
      "| c | `src/urls.ts` | nothing |",
      '| d | `src/generator/filename.ts` | `test/build/filename.test.ts` › "reads a page\'s slug from its name", "a second nobody wrote" and "a third nobody wrote" |',
    ].join("\n");
    expect(brokenReferences(broken, ROOT)).toEqual([
      'CONTRACTS.md:3: test/build/filename.test.ts has no test titled "a test nobody wrote"',
      "CONTRACTS.md:4: the mechanism src/generator/nowhere.ts does not exist",
      "CONTRACTS.md:4: the test file test/build/missing.test.ts does not exist",
      "CONTRACTS.md:5: names no test that proves the contract",
      'CONTRACTS.md:6: test/build/filename.test.ts has no test titled "a second nobody wrote"',
      'CONTRACTS.md:6: test/build/filename.test.ts has no test titled "a third nobody wrote"',
    ]);
  });
});
