// `npm run bench -- --quick`: the small run CI can afford, proving the bench itself works. Its
// figures are reported, never asserted: targets live in the bench, not in timed tests.

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/project-copy.ts";

describe("npm run bench -- --quick", () => {
  it("runs every section of the bench and reports its targets, met or missed", () => {
    const result = spawnSync("npm", ["run", "--silent", "bench", "--", "--quick"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 300_000,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    });
    expect(result.stdout, result.stderr).not.toContain("THE BENCH IS BROKEN");
    expect(result.status, result.stderr).toBe(0);
    for (const heading of ["1. Build speed", "2. Request cost", "3. Bundle size", "4. Page weight"]) expect(result.stdout).toContain(heading);
    expect(result.stderr).toMatch(/done in .*: \d+ targets met, \d+ missed/);
  }, 320_000);
});
