// `npm run bench [-- --quick] [-- --write | --no-write]`: the targets of issues 13 and 15, measured side
// by side in one run on one machine and reported as ratios (BENCHMARKS.md says how each section measures).
// A missed target is reported, never a failure: the exit code is non-zero only when the bench itself
// broke. A full run writes its report into BENCHMARKS.md; --quick (small corpus, fewer rounds: the
// run CI affords, to prove the bench works) only prints it, unless --write is given.

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { onPath } from "../../test/support/system-tool.ts";
import { measureAuthorLoop } from "./author-loop.ts";
import { type ColdBuilds, coldBuilds, measureBuildSpeed } from "./build-speed.ts";
import { measureCards } from "./cards.ts";
import { measureCodeSize } from "./code-size.ts";
import { writeHugoSite } from "./hugo.ts";
import { measurePageWeight } from "./page-weight.ts";
import { benchProject, runBuild } from "./project.ts";
import { machine, renderReport, type Section, targetsOf, writeBenchmarks } from "./report.ts";
import { measureRequests } from "./requests.ts";
import { measureSearch } from "./search.ts";
import { measureScaleAt, type ScaleRow } from "./scale.ts";
import { scaleSection } from "./scale-report.ts";
import { benchRoutes, withSite } from "./site.ts";
import { log } from "./util.ts";
import { type DryRun, dryRun } from "./wrangler.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, write: { type: "boolean" }, "no-write": { type: "boolean" } },
});
const quick = values.quick;
const write = values["no-write"] ? false : (values.write ?? !quick);

const TITLES = {
  code: "1. Code size of src/",
  build: "2. Cold build vs Hugo",
  loop: "3. The author's loop: save to served",
  requests: "4. Requests in workerd vs constant bytes",
  scale: "5. Scale: build, upload, assets and startup vs post count",
  weight: "6. Page weight (the site's own posts)",
  cards: "7. Social cards: cost per essay, cold and cached",
  search: "8. Search: time per request in workerd, index size vs Pagefind",
} as const;
// Section 5 measures every N of `scale` and judges its targets at 10,000, which --quick never reaches.
const PLAN = quick
  ? { sizes: [100, 300], scale: [100, 300], buildAt: 100, buildRuns: 3, rebuildRuns: 3, loopAt: 100, edits: 2 }
  : {
      sizes: [100, 1000, 5000, 10_000],
      scale: [1000, 5000, 10_000],
      buildAt: 1000,
      buildRuns: 5,
      rebuildRuns: 5,
      loopAt: 1000,
      edits: 5,
    };
const SCALE_JUDGED_AT = 10_000;
/** Cold-build rounds at an N of section 5 other than section 2's (a 10,000-essay round takes about 30 s). */
const SCALE_ROUNDS = quick ? 1 : 3;
const STARTUP_RUNS = quick ? 1 : 3;
/** Section 4 serves the N=100 corpus: the same bytes on every machine, whatever the site's own posts become. */
const REQUESTS_AT = 100;
/** Section 7: the corpus's first essays, drawn afresh each round. */
const CARDS = { n: 100, rounds: quick ? 1 : 3 };
/** Section 8: essays whose prose draws on 30,000 distinct words, as real essays' does. */
const SEARCH = quick
  ? { n: 100, vocabulary: 30_000, rounds: 1, passes: 1 }
  : { n: 1000, vocabulary: 30_000, rounds: 3, passes: 5 };
const LOAD = quick ? { seconds: 1, rounds: 1, connections: 10 } : { seconds: 2, rounds: 5, connections: 10 };

const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const sections = new Map<string, Section>();
const failures: string[] = [];

/** Runs one part; a throw is recorded as the bench being broken, and the other parts go on. */
const attempt = async <T>(what: string, body: () => T | Promise<T>): Promise<T | null> => {
  log(`${what} (${elapsed()})`);
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push(`${what}: ${message.split("\n").slice(0, 15).join("\n")}`);
    log(`FAILED ${what}: ${message}`);
    return null;
  }
};
const measure = async (title: string, body: () => Section | Promise<Section>): Promise<void> => {
  const section = await attempt(title, body);
  if (section) sections.set(title, section);
};

const machineLine = await machine();
log(`${quick ? "quick" : "full"} run; ${machineLine}`);
await measure(TITLES.code, () => measureCodeSize(ROOT));

const scaleRows: ScaleRow[] = [];
for (const n of PLAN.sizes) {
  const project = await attempt(`N=${n}: the corpus in a project copy, built once`, async () => {
    const copy = benchProject(n);
    try {
      await runBuild(copy.dir, "cold");
      return copy;
    } catch (error) {
      copy.remove();
      throw error;
    }
  });
  if (project === null) continue;
  const inScale = PLAN.scale.includes(n);
  const needsHugo = onPath("hugo") && (inScale || n === PLAN.buildAt || n === PLAN.loopAt);
  const hugo = needsHugo ? writeHugoSite(project.essays ?? []) : null;
  let bundle: DryRun | null = null;
  try {
    // Section 2's cold builds are also section 5's at the same N.
    const rounds = n === PLAN.buildAt ? PLAN.buildRuns : inScale ? SCALE_ROUNDS : 0;
    const cold: ColdBuilds | null =
      rounds === 0 ? null : await attempt(`N=${n}: cold builds vs Hugo`, () => coldBuilds(project, hugo, rounds));
    if (cold !== null && n === PLAN.buildAt)
      await measure(TITLES.build, () => measureBuildSpeed(project, cold, PLAN.rebuildRuns));
    // Bundled once, after the rebuilds above edit posts, for the sections that serve or start the Worker.
    bundle = await attempt(`N=${n}: wrangler deploy --dry-run of the copy`, () => dryRun(project.dir));
    const ours = bundle;
    if (ours !== null && n === REQUESTS_AT)
      await measure(TITLES.requests, async () =>
        measureRequests(project.dir, ours, await withSite(project.dir, ours.module, benchRoutes), LOAD),
      );
    const row =
      ours &&
      inScale &&
      (await attempt(`${TITLES.scale}, N=${n}`, () => measureScaleAt(project.dir, n, ours, cold, STARTUP_RUNS)));
    if (row) scaleRows.push(row);
    // Last: it edits posts and leaves a preview manifest behind.
    if (n === PLAN.loopAt) await measure(TITLES.loop, () => measureAuthorLoop(project, hugo, PLAN.edits));
  } finally {
    bundle?.remove();
    hugo?.remove();
    project.remove();
  }
}
if (scaleRows.length > 0) sections.set(TITLES.scale, scaleSection(scaleRows, SCALE_JUDGED_AT, STARTUP_RUNS));

await measure(TITLES.weight, async () => {
  const real = benchProject(null);
  try {
    await runBuild(real.dir, "cold");
    const bundle = await dryRun(real.dir);
    try {
      return await withSite(real.dir, bundle.module, (site) => measurePageWeight(real.dir, site));
    } finally {
      bundle.remove();
    }
  } finally {
    real.remove();
  }
});

await measure(TITLES.cards, () => measureCards(CARDS.n, CARDS.rounds));
await measure(TITLES.search, async () => {
  const project = benchProject(SEARCH.n, SEARCH.vocabulary);
  try {
    await runBuild(project.dir, "cold");
    const bundle = await dryRun(project.dir);
    try {
      return await measureSearch(project, bundle.module, SEARCH);
    } finally {
      bundle.remove();
    }
  } finally {
    project.remove();
  }
});

const broken = { body: "Not measured: this part of the bench broke (see the end of the report).", targets: [] };
const ordered = Object.values(TITLES).map((title) => [title, sections.get(title) ?? broken] as const);
const date = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${elapsed()}`;
const notes =
  failures.length === 0 ? [] : ["THE BENCH IS BROKEN: these parts failed:", ...failures.map((f) => `- ${f}`)];
const report = { machine: machineLine, sections: ordered, notes };
console.log(renderReport({ ...report, heading: `npm run bench${quick ? " -- --quick" : ""}: ${date}` }));
if (write && failures.length > 0) log("BENCHMARKS.md not written: the bench is broken");
else if (write) {
  writeBenchmarks(join(ROOT, "BENCHMARKS.md"), renderReport({ ...report, heading: `The last full run: ${date}` }, 2));
  log("BENCHMARKS.md: the generated section written");
}
const { met, missed } = targetsOf(ordered);
const brokenParts = failures.length > 0 ? `, ${failures.length} part(s) of the bench broke` : "";
log(`done in ${elapsed()}: ${met} targets met, ${missed} missed${brokenParts}`);
process.exitCode = failures.length > 0 ? 1 : 0;
