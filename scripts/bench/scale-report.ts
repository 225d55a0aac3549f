// Section 5's report: the rows measured at each N, the per-post figures (the line through the smallest
// and largest N), the largest N that fits each Workers plan and which limit binds it, and the targets,
// judged at one N only (10,000: the size the site must reach).

import { DEFAULT_BUDGET_GZIP_KIB } from "../../src/author/bundle-size.ts";
import { BUILD_TARGET } from "./build-speed.ts";
import type { Section, Target } from "./report.ts";
import type { ScaleRow } from "./scale.ts";
import { fixed, ratio, table } from "./util.ts";

const STARTUP_TARGET = 1.5;
/** Cloudflare's limits: a Worker's script, compressed, and the static-asset files of one version. */
const PLANS = [
  { name: "Workers Free", gzipKiB: DEFAULT_BUDGET_GZIP_KIB, files: 20_000 },
  { name: "Workers Paid", gzipKiB: 10 * 1024, files: 100_000 },
] as const;
const FILE_LIMIT_KIB = 25 * 1024;

const count = (n: number): string => (Number.isFinite(n) ? Math.floor(n).toLocaleString("en-US") : "no limit");

/** Per post, from the line through the first and last rows; from one row alone, through zero (an upper bound). */
const perPost = (rows: readonly ScaleRow[], value: (row: ScaleRow) => number) => {
  const [first, last] = [rows[0]!, rows.at(-1)!];
  const slope = last.n > first.n ? (value(last) - value(first)) / (last.n - first.n) : value(first) / first.n;
  /** The largest N whose value stays within `limit`, on that line. */
  const reach = (limit: number): number => (slope > 0 ? first.n + (limit - value(first)) / slope : Infinity);
  return { slope, reach };
};

const judge = (row: ScaleRow): Target[] => {
  const free = PLANS[0];
  const { n, gzipKiB, assets, cold } = row;
  const fits = gzipKiB <= free.gzipKiB && assets.files <= free.files;
  return [
    {
      target: `N=${n}: the dry run fits ${free.name} (script ≤ ${free.gzipKiB / 1024} MiB gzip, ≤ ${count(free.files)} asset files)`,
      measured: `${fixed(gzipKiB, 1)} KiB gzip, ${count(assets.files)} files`,
      met: fits,
    },
    {
      target: `startup at N=${n} ≤ ${STARTUP_TARGET}× a constant Worker of the same raw size`,
      measured: `${ratio(row.startupRatio, STARTUP_TARGET)} (${fixed(row.startupMs, 0)} ms vs ${fixed(row.constantStartupMs, 0)} ms)`,
      met: row.startupRatio <= STARTUP_TARGET,
    },
    ...(cold === null || cold.ratio === null
      ? []
      : [
          {
            target: `cold build at N=${n} ≤ ${BUILD_TARGET}× Hugo`,
            measured: `${ratio(cold.ratio, BUILD_TARGET)} (${fixed(cold.ours)} s vs ${fixed(cold.hugo)} s)`,
            met: cold.ratio <= BUILD_TARGET,
          },
        ]),
  ];
};

export const scaleSection = (rows: readonly ScaleRow[], judgedAt: number, startupRuns: number): Section => {
  const sorted = [...rows].sort((a, b) => a.n - b.n);
  const script = perPost(sorted, (row) => row.gzipKiB);
  const files = perPost(sorted, (row) => row.assets.files);
  const largest = Math.max(...sorted.map((row) => row.assets.largestBytes)) / 1024;
  const span =
    sorted.length > 1 ? `the line through N=${sorted[0]!.n} and N=${sorted.at(-1)!.n}` : "one N alone, through zero";
  const judged = sorted.find((row) => row.n === judgedAt);
  return {
    body: [
      table(
        "N | build rounds | ours, cold (s) | Hugo, cold (s) | ours / Hugo | each round | upload raw (KiB) | upload gzip (KiB) | asset files | largest asset (KiB)",
        sorted.map(({ n, cold, rawKiB, gzipKiB, assets }) => [
          String(n),
          String(cold?.rounds ?? "broke"),
          fixed(cold?.ours),
          fixed(cold?.hugo),
          ratio(cold?.ratio ?? null, BUILD_TARGET),
          cold?.ratios.map((r) => r.toFixed(2)).join(", ") ?? "",
          fixed(rawKiB, 1),
          fixed(gzipKiB, 1),
          String(assets.files),
          fixed(assets.largestBytes / 1024, 1),
        ]),
      ),
      table(
        "N | ours raw (KiB) | constant raw (KiB) | startup ours (ms) | startup constant (ms) | ours / constant",
        sorted.map((row) => [
          String(row.n),
          fixed(row.rawKiB, 1),
          fixed(row.constantRawKiB, 1),
          fixed(row.startupMs, 1),
          fixed(row.constantStartupMs, 1),
          ratio(row.startupRatio, STARTUP_TARGET),
        ]),
      ),
      `Startup: median of ${startupRuns} run(s) each, and of the per-run ratios. Per post, from ${span}: ${fixed(script.slope, 3)} KiB gzip of script and ${fixed(files.slope, 3)} asset files. The largest N each plan holds, on those lines:`,
      table(
        "plan | script limit | asset-file limit | largest N by script | largest N by asset files | largest N that fits | the limit that binds",
        PLANS.map((plan) => {
          const [byScript, byFiles] = [script.reach(plan.gzipKiB), files.reach(plan.files)];
          return [
            plan.name,
            `${plan.gzipKiB / 1024} MiB gzip`,
            count(plan.files),
            count(byScript),
            count(byFiles),
            count(Math.min(byScript, byFiles)),
            byScript < byFiles ? "script size" : "asset files",
          ];
        }),
      ),
      `Each asset file may be at most 25 MiB: the largest here is ${fixed(largest, 1)} KiB (${fixed((100 * largest) / FILE_LIMIT_KIB, 2)}% of it); one essay's length, not N, decides it.`,
      judged
        ? `Targets judged at N=${judgedAt} only.`
        : `Targets are judged at N=${judgedAt} only, which this run did not measure.`,
    ].join("\n\n"),
    targets: judged ? judge(judged) : [],
  };
};
