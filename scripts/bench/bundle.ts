// Section 5: the Worker's upload size and startup time against the number of posts, beside the
// constant-bytes Worker of the same posts (every page they make, as string constants). Both are
// bundled by `wrangler deploy --dry-run` and started by `wrangler check startup`, alternating.

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_BUDGET_GZIP_KIB } from "../../src/author/bundle-size.ts";
import type { Section, Target } from "./report.ts";
import { alternating, fixed, log, median, ratio, run, table } from "./util.ts";
import { checkStartup, compatibilityDate, type DryRun, dryRun, workerProject } from "./wrangler.ts";

const CAPTURE_ALL = fileURLToPath(new URL("./capture-all.ts", import.meta.url));
const STARTUP_TARGET = 1.5;
const STARTUP_JUDGED_AT = 1000;
const LIMITS = [
  ["Workers Free", DEFAULT_BUDGET_GZIP_KIB],
  ["Workers Paid", 10 * 1024],
] as const;

export interface BundleRow {
  readonly n: number;
  readonly rawKiB: number;
  readonly gzipKiB: number;
  readonly constantGzipKiB: number;
  readonly startupMs: number;
  readonly constantStartupMs: number;
  /** Median of the per-run ratios ours / constant. */
  readonly ratio: number;
}

/** `ours` is the copy's own dry run, made by the caller. */
export const measureBundleAt = async (dir: string, ours: DryRun, n: number, runs: number): Promise<BundleRow> => {
  const constant = workerProject("bench-constant-all", "", compatibilityDate(dir));
  const cleanup = [constant.remove];
  try {
    const worker = join(constant.dir, "src", "worker.js");
    const captured = await run(process.execPath, ["--max-old-space-size=8192", CAPTURE_ALL, dir, ours.module, worker], {
      cwd: dir,
      timeoutMs: 600_000,
    });
    if (captured.status !== 0) throw new Error(`capturing the site's answers failed:\n${captured.output.slice(-4000)}`);
    log(`  N=${n}: wrangler deploy --dry-run, the constant Worker`);
    const theirs = await dryRun(constant.dir);
    cleanup.push(theirs.remove);
    const [mine, others] = [[] as number[], [] as number[]];
    for (let i = 0; i < runs; i++) {
      log(`  N=${n}: wrangler check startup, run ${i + 1} of ${runs}`);
      const [a, b] = await alternating(
        i,
        () => checkStartup(dir, ours.bundleFile),
        () => checkStartup(constant.dir, theirs.bundleFile),
      );
      mine.push(a);
      others.push(b);
    }
    return {
      n,
      rawKiB: ours.rawKiB,
      gzipKiB: ours.gzipKiB,
      constantGzipKiB: theirs.gzipKiB,
      startupMs: median(mine),
      constantStartupMs: median(others),
      ratio: median(mine.map((ms, i) => ms / (others[i] as number))),
    };
  } finally {
    for (const remove of cleanup) remove();
  }
};

export const bundleSection = (rows: readonly BundleRow[], runs: number): Section => {
  const [first, last] = [rows[0], rows.at(-1)];
  // The line through the smallest and largest N measured; from one N only, through zero (an upper bound per post).
  const slope =
    first && last && last.n > first.n
      ? (last.gzipKiB - first.gzipKiB) / (last.n - first.n)
      : first
        ? first.gzipKiB / first.n
        : Number.NaN;
  const reach = (limit: number): string =>
    first && slope > 0
      ? `≈ ${Math.floor(first.n + (limit - first.gzipKiB) / slope).toLocaleString("en-US")} posts`
      : "n/a";
  const judged = rows.find((row) => row.n === STARTUP_JUDGED_AT);
  const targets: Target[] = judged
    ? [
        {
          target: `startup at N=${STARTUP_JUDGED_AT} ≤ ${STARTUP_TARGET}× the constant Worker`,
          measured: `${ratio(judged.ratio, STARTUP_TARGET)} (${fixed(judged.startupMs, 0)} ms vs ${fixed(judged.constantStartupMs, 0)} ms)`,
          met: judged.ratio <= STARTUP_TARGET,
        },
      ]
    : [];
  return {
    body: [
      table(
        "N | upload raw (KiB) | upload gzip (KiB) | constant gzip (KiB) | startup ours (ms) | startup constant (ms) | ours / constant | target",
        rows.map((row) => [
          String(row.n),
          fixed(row.rawKiB, 1),
          fixed(row.gzipKiB, 1),
          fixed(row.constantGzipKiB, 1),
          fixed(row.startupMs, 1),
          fixed(row.constantStartupMs, 1),
          ratio(row.ratio, STARTUP_TARGET),
          row.n === STARTUP_JUDGED_AT ? `≤ ${STARTUP_TARGET}×` : `(judged at N=${STARTUP_JUDGED_AT})`,
        ]),
      ),
      `Startup: median of ${runs} run(s) each. ${
        rows.length > 1
          ? `About ${fixed(slope)} KiB gzip per post, from the line through N=${first?.n} and N=${last?.n}:`
          : `From N=${first?.n} alone, at most ${fixed(slope)} KiB gzip per post (the code counted in), so these are lower bounds:`
      }`,
      table(
        "limit (gzip) | largest N that fits",
        LIMITS.map(([name, kib]) => [`${name}, ${kib / 1024} MiB`, reach(kib)]),
      ),
    ].join("\n\n"),
    targets,
  };
};
