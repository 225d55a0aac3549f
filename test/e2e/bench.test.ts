// `npm run bench -- --quick`: the small run CI can afford, proving the bench itself works. Its
// figures are reported, never asserted: targets live in the bench, not in timed tests.

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/project-copy.ts";
import { QUIET_WRANGLER } from "../../src/author/run.ts";

describe("npm run bench -- --quick", () => {
  it("runs every section of the bench and reports its targets, met or missed", () => {
    const result = spawnSync("npm", ["run", "--silent", "bench", "--", "--quick"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 300_000,
      env: { ...process.env, ...QUIET_WRANGLER },
    });
    expect(result.stdout, result.stderr).not.toContain("THE BENCH IS BROKEN");
    expect(result.status, result.stderr).toBe(0);
    for (const heading of [
      "## 1. Code size",
      "## 2. Cold build vs Hugo",
      "## 3. The author's loop",
      "## 4. Requests in workerd",
      "## 5. Scale",
      "## 6. Page weight",
    ])
      expect(result.stdout).toContain(heading);
    expect(result.stderr).toMatch(/done in .*: \d+ targets met, \d+ missed/);
  }, 320_000);
});
