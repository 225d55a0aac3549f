// `npm run bench [-- --quick] [-- --no-write]`: the site against real anchors, side by side in
// one run (see BENCHMARKS.md and issue 7):
//   1. build speed against Hugo on the same seeded corpus, and the rebuild after editing one post;
//   2. request cost against a Worker answering the same bytes as constants (in process; then
//      under load in workerd, with nginx as the physical reference);
//   3. bundle size and startup against the number of posts;
//   4. page weight per page type.
// Misses are reported, not failures: the exit code is non-zero only when the bench itself broke.
// A full run writes its tables into BENCHMARKS.md; --quick (N=100, fewer repetitions, about a
// minute) only prints them, unless --write is given.

import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchmarksSection } from "./benchmarks-text.ts";
import { BUILD_TARGET, buildMet, measureBuild, measureRebuild, REBUILD_TARGET, rebuildMet, type BuildRow, type RebuildRow } from "./build-speed.ts";
import { CODE_TARGET_KIB, codeMet, FREE_LIMIT_KIB, measureBundleAt, measureCodePart, PAID_LIMIT_KIB, reachN, reachNFromTwoPoints, STARTUP_JUDGED_AT, STARTUP_TARGET, startupMet, type BundleRow, type CodePart } from "./bundle.ts";
import { LOAD_TARGET, loadMet, measureLoad, type LoadReport } from "./load-bench.ts";
import { measurePageWeight, OUTSIDE_BODY_TARGET_KIB, outsideMet, pageMet, REQUESTS_TARGET, type OutsideBody, type PageWeight } from "./page-weight.ts";
import { benchProject, runBuild, type BenchProject } from "./project.ts";
import { costMet, measureRequestCost, REQUEST_TARGET, type RouteCost } from "./request-cost.ts";
import { buildSection, bundleSection, machineLine, requestSection, summaryTable, weightSection, writeBenchmarks, type Results, type Summary } from "./report.ts";
import { hasNginx } from "./serve.ts";
import { benchRoutes, loadSite } from "./site.ts";
import { kib, log, ratioText, run } from "./util.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    write: { type: "boolean" },
    "no-write": { type: "boolean", default: false },
  },
});
const quick = values.quick;
const write = values["no-write"] ? false : (values.write ?? !quick);

const PLAN = quick
  ? {
      sizes: [100],
      buildRuns: (_n: number) => 3,
      rebuildAt: 100,
      rebuildRuns: 3,
      cost: { rounds: 8, batchMs: 5, warmup: 200 },
      load: { seconds: 1, rounds: 1, connections: 10 },
      startupRuns: 1,
      jsonVariantAt: 100,
    }
  : {
      sizes: [100, 1000, 5000],
      buildRuns: (n: number) => (n >= 5000 ? 3 : 5),
      rebuildAt: 1000,
      rebuildRuns: 5,
      cost: { rounds: 30, batchMs: 10, warmup: 2000 },
      load: { seconds: 2, rounds: 3, connections: 10 },
      startupRuns: 3,
      jsonVariantAt: 1000,
    };

const failures: string[] = [];
const skipped: string[] = [];
const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;

/** Runs one part; a throw is recorded as the bench being broken, and the other parts go on. */
const attempt = async <T>(what: string, body: () => Promise<T>): Promise<T | null> => {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push(`${what}: ${message.split("\n").slice(0, 12).join("\n")}`);
    log(`FAILED ${what}: ${message}`);
    return null;
  }
};

/** The version `command` reports, or null when it is not installed (run rejects) or says none. */
const versionOf = async (command: string, args: readonly string[], pattern: RegExp): Promise<string | null> => {
  const result = await run(command, args, { cwd: ROOT, timeoutMs: 20_000 }).catch(() => null);
  return result ? (pattern.exec(result.stdout + result.stderr)?.[1] ?? null) : null;
};

const hugo = await versionOf("hugo", ["version"], /(v[\d.]+\S*)/);
const tools: Record<string, string> = {};
for (const [name, version] of [
  ["wrangler", (await versionOf(join(ROOT, "node_modules", ".bin", "wrangler"), ["--version"], /(\d+\.\d+\.\d+)/)) ?? "?"],
  ["workerd", (await versionOf(join(ROOT, "node_modules", ".bin", "workerd"), ["--version"], /workerd (\S+)/)) ?? "?"],
  ["Hugo", hugo ?? "not installed"],
  ["nginx", (await versionOf("nginx", ["-v"], /nginx\/(\S+)/)) ?? "not installed"],
  ["wrk", (await versionOf("wrk", ["-v"], /wrk (\S+)/)) ?? "not installed (autocannon instead)"],
] as const) {
  tools[name] = version;
}
const machine = {
  cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
  cores: cpus().length,
  memoryGiB: totalmem() / 2 ** 30,
  loadAtStart: loadavg()
    .map((n) => n.toFixed(2))
    .join(", "),
  node: process.versions.node,
  tools,
};
log(`${quick ? "quick" : "full"} run; ${machine.cores} cores, load ${machine.loadAtStart}`);
if (hugo === null) skipped.push("Hugo is not installed (apt-get install -y hugo): the build is measured without its anchor");
if (!hasNginx()) skipped.push("nginx is not installed (apt-get install -y nginx): the load test has no nginx column");

const buildRows: BuildRow[] = [];
let rebuild: RebuildRow | null = null;
const bundleRows: BundleRow[] = [];
const costRows: RouteCost[] = [];

for (const n of PLAN.sizes) {
  log(`N=${n}: writing the corpus and a project copy (${elapsed()})`);
  const project: BenchProject | null = await attempt(`corpus N=${n}`, async () => benchProject(n));
  if (project === null) continue;
  try {
    const row = await attempt(`section 1, build speed at N=${n}`, () => measureBuild(project, n, PLAN.buildRuns(n), hugo !== null));
    if (row) {
      buildRows.push(row);
      if (n === PLAN.rebuildAt) rebuild = await attempt(`section 1, rebuild at N=${n}`, () => measureRebuild(project, n, row.oursSeconds, PLAN.rebuildRuns));
    } else {
      // The other sections need a built copy all the same.
      await attempt(`build at N=${n}`, () => runBuild(project.dir, "cold"));
    }
    if (n === 100) {
      log(`N=${n}: request cost in process (${elapsed()})`);
      const rows = await attempt(`section 2, request cost at N=${n}`, async () => {
        const site = await loadSite(project.dir);
        return measureRequestCost(`${n} (corpus)`, site, await benchRoutes(site), PLAN.cost);
      });
      if (rows) costRows.push(...rows);
    }
    log(`N=${n}: bundle size and startup (${elapsed()})`);
    const bundle = await attempt(`section 3, bundle at N=${n}`, () => measureBundleAt(project.dir, n, { startupRuns: PLAN.startupRuns, jsonVariant: n === PLAN.jsonVariantAt }));
    if (bundle) bundleRows.push(bundle);
  } finally {
    project.remove();
  }
}

log(`the site's own posts: build, request cost, load, page weight (${elapsed()})`);
let load: LoadReport | null = null;
let weight: { pages: PageWeight[]; outside: OutsideBody[] } | null = null;
let code: CodePart | null = null;
const real = await attempt("copy of the project", async () => benchProject(null));
if (real) {
  try {
    const built = await attempt("build of the site's own posts", () => runBuild(real.dir, "cold"));
    if (built) {
      const site = await attempt("loading the site's Worker app", () => loadSite(real.dir));
      if (site) {
        const captured = await attempt("capturing the routes", () => benchRoutes(site));
        if (captured) {
          const rows = await attempt("section 2, request cost of the site's own posts", () => measureRequestCost("the site's own", site, captured, PLAN.cost));
          if (rows) costRows.push(...rows);
          log(`load in workerd (${elapsed()})`);
          load = await attempt("section 2, load in workerd", () => measureLoad(real.dir, captured, PLAN.load));
        }
        log(`page weight (${elapsed()})`);
        weight = await attempt("section 4, page weight", () => measurePageWeight(real.dir, site));
      }
      log(`the code part of the bundle (${elapsed()})`);
      code = await attempt("section 3, the code part", () => measureCodePart(real.dir));
    }
  } finally {
    real.remove();
  }
}

const sortedBundles = [...bundleRows].sort((a, b) => a.n - b.n);
const onlyRow = sortedBundles.length === 1 ? sortedBundles[0] : undefined;
const free = onlyRow && code ? reachNFromTwoPoints(code.gzipKiB, onlyRow, FREE_LIMIT_KIB) : reachN(sortedBundles, FREE_LIMIT_KIB);
const paid = onlyRow && code ? reachNFromTwoPoints(code.gzipKiB, onlyRow, PAID_LIMIT_KIB) : reachN(sortedBundles, PAID_LIMIT_KIB);
const perPost = sortedBundles.length >= 2 ? ((sortedBundles.at(-1)?.gzipKiB ?? 0) - (sortedBundles[0]?.gzipKiB ?? 0)) / ((sortedBundles.at(-1)?.n ?? 1) - (sortedBundles[0]?.n ?? 0)) : onlyRow && code ? (onlyRow.gzipKiB - code.gzipKiB) / onlyRow.n : Number.NaN;
const fitNote =
  sortedBundles.length >= 2
    ? `Between the gzip sizes at N = ${sortedBundles[0]?.n} and N = ${sortedBundles.at(-1)?.n}: about ${perPost.toFixed(2)} KiB gzip per post (the limits above come from a least-squares line through every N measured).`
    : `From one corpus size only (quick run): the line through the code part (N=0) and N=${onlyRow?.n ?? "?"}, about ${perPost.toFixed(2)} KiB gzip per post.`;

const results: Results = {
  plan: { batchMs: PLAN.cost.batchMs, startupRuns: PLAN.startupRuns },
  date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  machine,
  seconds: (performance.now() - started) / 1000,
  build: { rows: buildRows, rebuild, hugoNote: hugo === null ? "Hugo is not installed: no anchor." : null },
  request: { rows: costRows, load },
  bundle: { rows: sortedBundles, code, free, paid, fitNote },
  weight,
  failures,
  skipped,
};

// Every target, met or not, in one place.
const summary: Summary[] = [];
for (const row of buildRows.filter((r) => r.judged)) {
  summary.push({ target: `cold build at N=${row.n} ≤ ${BUILD_TARGET.toFixed(1)}× Hugo`, figure: row.ratio === null ? "no Hugo" : `${ratioText(row.ratio, BUILD_TARGET)} (${row.oursSeconds.toFixed(2)} s vs ${row.hugoSeconds?.toFixed(2)} s)`, met: buildMet(row) });
}
if (rebuild) summary.push({ target: `rebuild after one edit at N=${rebuild.n} ≤ ${(100 * REBUILD_TARGET).toFixed(0)}% of the cold build`, figure: `${(100 * rebuild.fraction).toFixed(1)}% (${rebuild.warmSeconds.toFixed(2)} s of ${rebuild.coldSeconds.toFixed(2)} s)`, met: rebuildMet(rebuild) });
for (const row of costRows) summary.push({ target: `in process, ${row.corpus} posts, ${row.route} ≤ ${REQUEST_TARGET.toFixed(2)}× constant`, figure: ratioText(row.ratio, REQUEST_TARGET), met: costMet(row) });
for (const row of load?.rows ?? []) summary.push({ target: `workerd, ${row.route} ≥ ${LOAD_TARGET.toFixed(1)}× the constant Worker's req/s`, figure: ratioText(row.ratio, LOAD_TARGET), met: loadMet(row) });
if (code) summary.push({ target: `code part < ${CODE_TARGET_KIB} KiB gzip`, figure: `${code.gzipKiB.toFixed(1)} KiB`, met: codeMet(code) });
const startupRow = sortedBundles.find((row) => row.n === STARTUP_JUDGED_AT);
if (startupRow) summary.push({ target: `startup at N=${STARTUP_JUDGED_AT} ≤ ${STARTUP_TARGET.toFixed(1)}× the constant Worker`, figure: `${ratioText(startupRow.startupRatio, STARTUP_TARGET)} (${startupRow.startup.windowMs.toFixed(0)} ms vs ${startupRow.constantStartup.windowMs.toFixed(0)} ms)`, met: startupMet(startupRow) });
for (const page of weight?.pages ?? []) summary.push({ target: `${page.page}: no JavaScript, ${REQUESTS_TARGET} requests`, figure: `${page.jsBytes} B JS, ${page.requests} requests`, met: pageMet(page) });
if (weight && weight.outside.length > 0) {
  const worst = weight.outside.reduce((a, b) => (b.totalGzip > a.totalGzip ? b : a));
  summary.push({ target: `essay outside its body + CSS < ${OUTSIDE_BODY_TARGET_KIB} KiB gzip (largest of ${weight.outside.length})`, figure: `${kib(worst.totalGzip).toFixed(2)} KiB (${worst.slug})`, met: outsideMet(worst) });
}

const met = summary.filter((row) => row.met === true).length;
const missed = summary.filter((row) => row.met === false).length;
const report = [
  `# npm run bench${quick ? " -- --quick" : ""}: ${results.date}, ${results.seconds.toFixed(0)} s`,
  "",
  `Machine: ${machineLine(results)}`,
  "",
  `## Targets: ${met} met, ${missed} missed`,
  "",
  summaryTable(summary),
  "",
  "## 1. Build speed vs Hugo",
  "",
  buildSection(results),
  "",
  "## 2. Request cost vs constant bytes",
  "",
  requestSection(results),
  "",
  "## 3. Bundle size and startup vs post count",
  "",
  bundleSection(results),
  "",
  "## 4. Page weight (the site's own posts)",
  "",
  weightSection(results),
  ...(skipped.length > 0 ? ["", "Skipped:", ...skipped.map((line) => `- ${line}`)] : []),
  ...(failures.length > 0 ? ["", "THE BENCH IS BROKEN: these parts failed:", ...failures.map((line) => `- ${line}`)] : []),
  "",
].join("\n");
console.log(report);

if (write) {
  if (failures.length > 0) log("BENCHMARKS.md not written: the bench is broken");
  else {
    writeBenchmarks(join(ROOT, "BENCHMARKS.md"), benchmarksSection(results, summary));
    log("BENCHMARKS.md: the bench section written");
  }
}
log(`done in ${elapsed()}: ${met} targets met, ${missed} missed${failures.length > 0 ? `, ${failures.length} part(s) of the bench failed` : ""}`);
process.exitCode = failures.length > 0 ? 1 : 0;
