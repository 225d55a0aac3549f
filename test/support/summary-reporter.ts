// Ends a run with one plain line, "vitest: N passed, N failed[, N skipped]", that CI reads
// whatever the reporter in front of it prints.

import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      const tests = [...module.children.allTests()];
      for (const test of tests) count[test.result().state]++;
      // A file that failed to load ran no test, and must still count as a failure.
      if (tests.length === 0 && module.state() === "failed") count.failed++;
    }
    const skipped = count.skipped + count.pending;
    process.stdout.write(
      `vitest: ${count.passed} passed, ${count.failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`,
    );
  }
}
