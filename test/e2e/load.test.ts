// `npm run load`, briefly: the production Worker in workerd answers every request of a mixed load
// as expected, and the script says so. Its figures go to BENCHMARKS.md, never into an assertion.

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/project-copy.ts";
import { QUIET_WRANGLER } from "../../src/author/run.ts";

describe("npm run load", () => {
  it("drives the built Worker in workerd with a mixed load and finds every answer as expected", () => {
    const result = spawnSync("npm", ["run", "--silent", "load", "--", "--duration", "2", "--connections", "4"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 180_000,
      env: { ...process.env, ...QUIET_WRANGLER },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^serving the production bundle in workerd \(Miniflare\) at http:\/\/127\.0\.0\.1:\d+$/m,
    );
    expect(result.stdout).toMatch(
      /^OK: every one of \d+ responses had the expected status \(0 mismatches\), no errors, no timeouts$/m,
    );
  }, 200_000);
});
