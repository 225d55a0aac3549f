// The bench's report: one results table per section with the ratio against each target, printed,
// and (for a full run) written into BENCHMARKS.md between our own markers, after every section
// others wrote; a later run replaces only what lies between the markers.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { BUILD_TARGET, buildMet, REBUILD_TARGET, rebuildMet, type BuildRow, type RebuildRow } from "./build-speed.ts";
import { CODE_TARGET_KIB, codeMet, FREE_LIMIT_KIB, PAID_LIMIT_KIB, STARTUP_JUDGED_AT, STARTUP_TARGET, startupMet, type BundleRow, type CodePart } from "./bundle.ts";
import { LOAD_TARGET, loadMet, type LoadReport } from "./load-bench.ts";
import { OUTSIDE_BODY_TARGET_KIB, outsideMet, pageMet, REQUESTS_TARGET, type OutsideBody, type PageWeight } from "./page-weight.ts";
import { costMet, REQUEST_TARGET, type RouteCost } from "./request-cost.ts";
import { fixed, kib, ratioText, table, verdict } from "./util.ts";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly loadAtStart: string;
  readonly node: string;
  readonly tools: Readonly<Record<string, string>>;
}

export interface Results {
  /** The parts of the plan the method text names. */
  readonly plan: { readonly batchMs: number; readonly startupRuns: number };
  readonly date: string;
  readonly machine: Machine;
  readonly seconds: number;
  readonly build: { rows: BuildRow[]; rebuild: RebuildRow | null; hugoNote: string | null };
  readonly request: { rows: RouteCost[]; load: LoadReport | null };
  readonly bundle: { rows: BundleRow[]; code: CodePart | null; free: number | null; paid: number | null; fitNote: string };
  readonly weight: { pages: PageWeight[]; outside: OutsideBody[] } | null;
  /** Sections that could not run, with why (the bench is broken when one failed). */
  readonly failures: string[];
  readonly skipped: string[];
}

const x = (value: number | null, digits = 2): string => (value === null || !Number.isFinite(value) ? "n/a" : `${value.toFixed(digits)}×`);
const pct = (value: number): string => `${(100 * value).toFixed(1)}%`;
const us = (ns: number): string => (ns / 1000).toFixed(1);
const kb = (bytes: number): string => kib(bytes).toFixed(1);
const ms = (value: number): string => value.toFixed(2);
const roundN = (n: number | null): string => (n === null || !Number.isFinite(n) ? "n/a" : n <= 0 ? "already reached (below the smallest N)" : `≈ ${Math.round(n).toLocaleString("en-US")} posts`);

export const buildSection = ({ build }: Results): string => {
  const lines = [
    table(
      ["N", "runs", "ours, cold (s)", "ours CPU (s)", "Hugo (s)", "Hugo CPU (s)", "ours / Hugo", "target", "verdict"],
      build.rows.map((row) => [
        String(row.n),
        String(row.runs),
        fixed(row.oursSeconds),
        fixed(row.oursCpu),
        fixed(row.hugoSeconds),
        fixed(row.hugoCpu),
        ratioText(row.ratio, BUILD_TARGET),
        row.judged ? `≤ ${BUILD_TARGET.toFixed(1)}×` : "(not judged)",
        row.judged ? verdict(buildMet(row)) : "–",
      ]),
    ),
  ];
  if (build.rebuild) {
    const r = build.rebuild;
    lines.push(
      "",
      table(
        ["N", "cold build (s)", "rebuild after editing one post (s)", "rebuild / cold", "target", "verdict"],
        [[String(r.n), fixed(r.coldSeconds), fixed(r.warmSeconds), pct(r.fraction), `≤ ${pct(REBUILD_TARGET)}`, verdict(rebuildMet(r))]],
      ),
    );
  }
  if (build.hugoNote) lines.push("", build.hugoNote);
  return lines.join("\n");
};

export const requestSection = ({ request }: Results): string => {
  const lines = [
    table(
      ["posts", "route", "status", "body bytes", "real (µs/request)", "constant (µs/request)", "real / constant", "target", "verdict"],
      request.rows.map((row) => [
        row.corpus,
        `${row.route} \`${row.path.length > 40 ? `${row.path.slice(0, 37)}...` : row.path}\``,
        String(row.status),
        String(row.bytes),
        us(row.realNs),
        us(row.constantNs),
        ratioText(row.ratio, REQUEST_TARGET),
        `≤ ${REQUEST_TARGET.toFixed(2)}×`,
        verdict(costMet(row)),
      ]),
    ),
  ];
  if (request.load) {
    const load = request.load;
    lines.push(
      "",
      `Under load in workerd on 127.0.0.1 (the site's own posts; ${load.tool}, ${load.connections} connections, ${load.seconds} s per measurement, median of ${load.rounds} round${load.rounds === 1 ? "" : "s"}, servers in rotating order):`,
      "",
      table(
        ["route", "our Worker req/s", "p50 / p99 (ms)", "constant Worker req/s", "p50 / p99 (ms)", "nginx req/s", "p50 / p99 (ms)", "ours / constant", "target", "verdict", "ours / nginx", "constant / nginx"],
        load.rows.map((row) => [
          row.route,
          row.ours.requestsPerSecond.toFixed(0),
          `${ms(row.ours.p50Ms)} / ${ms(row.ours.p99Ms)}`,
          row.constant.requestsPerSecond.toFixed(0),
          `${ms(row.constant.p50Ms)} / ${ms(row.constant.p99Ms)}`,
          row.nginx ? row.nginx.requestsPerSecond.toFixed(0) : "n/a",
          row.nginx ? `${ms(row.nginx.p50Ms)} / ${ms(row.nginx.p99Ms)}` : "n/a",
          ratioText(row.ratio, LOAD_TARGET),
          `≥ ${LOAD_TARGET.toFixed(1)}×`,
          verdict(loadMet(row)),
          x(row.nginxRatio, 3),
          row.nginx ? x(row.constant.requestsPerSecond / row.nginx.requestsPerSecond, 3) : "n/a",
        ]),
      ),
    );
    const unexpected = load.rows.reduce((sum, row) => sum + row.ours.unexpected + row.constant.unexpected + (row.nginx?.unexpected ?? 0), 0);
    if (unexpected > 0) lines.push("", `Warning: ${unexpected} responses under load had an unexpected status or a socket error.`);
    if (load.nginxNote) lines.push("", load.nginxNote);
  }
  return lines.join("\n");
};

export const bundleSection = ({ bundle }: Results): string => {
  const lines = [
    table(
      ["N", "upload raw (KiB)", "upload gzip (KiB)", "manifest share (raw)", "constant Worker gzip (KiB)", "startup ours: window / active (ms)", "startup constant: window / active (ms)", "ours / constant", "target", "verdict"],
      bundle.rows.map((row) => [
        String(row.n),
        row.rawKiB.toFixed(1),
        row.gzipKiB.toFixed(1),
        pct(row.manifestShare),
        row.constantGzipKiB.toFixed(1),
        `${row.startup.windowMs.toFixed(1)} / ${row.startup.activeMs.toFixed(1)}`,
        `${row.constantStartup.windowMs.toFixed(1)} / ${row.constantStartup.activeMs.toFixed(1)}`,
        ratioText(row.startupRatio, STARTUP_TARGET),
        row.n === STARTUP_JUDGED_AT ? `≤ ${STARTUP_TARGET.toFixed(1)}×` : `(judged at N=${STARTUP_JUDGED_AT})`,
        row.n === STARTUP_JUDGED_AT ? verdict(startupMet(row)) : "–",
      ]),
    ),
  ];
  for (const row of bundle.rows) {
    if (row.jsonStartup && row.jsonGzipKiB !== null) {
      lines.push(
        "",
        `Alternative at N=${row.n}: the same manifest as one JSON string literal, parsed on the first request: ${row.jsonGzipKiB.toFixed(1)} KiB gzip, startup ${row.jsonStartup.windowMs.toFixed(1)} / ${row.jsonStartup.activeMs.toFixed(1)} ms (window / active), ${x(row.jsonStartup.windowMs / row.constantStartup.windowMs)} the constant Worker and ${x(row.jsonStartup.windowMs / row.startup.windowMs)} ours (the object literal).`,
      );
    }
  }
  if (bundle.code) {
    lines.push(
      "",
      table(
        ["code part (everything but the posts)", "raw (KiB)", "gzip (KiB)", "target", "verdict"],
        [["the Worker with an empty manifest, as wrangler bundles it", bundle.code.rawKiB.toFixed(1), bundle.code.gzipKiB.toFixed(1), `< ${CODE_TARGET_KIB} KiB gzip`, verdict(codeMet(bundle.code))]],
      ),
      "",
      `Of the code part's bundled module (raw, before gzip; esbuild's metafile): ${bundle.code.contributors.map((c) => `${c.name} ${kb(c.bytes)} KiB`).join(", ")}.`,
    );
  }
  const listRow = bundle.rows.at(-1);
  if (listRow) {
    lines.push(
      "",
      `The manifest's list part (every essay without its rendered HTML, feed HTML and Markdown source), at N=${listRow.n}: ${listRow.listPart.rawBytesPerEssay.toFixed(0)} bytes raw, ${listRow.listPart.gzipBytesPerEssay.toFixed(0)} bytes gzip per essay.`,
    );
  }
  lines.push(
    "",
    table(
      ["limit", "gzip", "reached at"],
      [
        ["Workers Free", `${FREE_LIMIT_KIB} KiB`, roundN(bundle.free)],
        ["Workers Paid", `${PAID_LIMIT_KIB} KiB`, roundN(bundle.paid)],
      ],
    ),
    "",
    bundle.fitNote,
  );
  return lines.join("\n");
};

export const weightSection = ({ weight }: Results): string => {
  if (weight === null) return "Not measured (see the failures above).";
  const lines = [
    table(
      ["page", "HTML raw", "HTML gzip", "CSS raw", "CSS gzip", "JavaScript bytes", "requests to render", "target", "verdict"],
      weight.pages.map((page) => [
        `${page.page} \`${page.path.length > 32 ? `${page.path.slice(0, 29)}...` : page.path}\``,
        String(page.htmlRaw),
        String(page.htmlGzip),
        String(page.cssRaw),
        String(page.cssGzip),
        String(page.jsBytes),
        String(page.requests),
        `JS 0, requests ${REQUESTS_TARGET}`,
        verdict(pageMet(page)),
      ]),
    ),
    "",
    `Requests counted: the HTML, then ${[...new Set(weight.pages.flatMap((page) => page.subresources))].map((r) => `\`${r}\``).join(", ") || "nothing else"}.`,
    "",
    table(
      ["essay", "page outside the essay body, gzip", "CSS gzip", "total (KiB)", "target", "verdict"],
      weight.outside.map((row) => [row.slug, String(row.outsideGzip), String(row.cssGzip), kb(row.totalGzip), `< ${OUTSIDE_BODY_TARGET_KIB} KiB`, verdict(outsideMet(row))]),
    ),
  ];
  return lines.join("\n");
};

export const machineLine = ({ machine }: Results): string =>
  `${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB.toFixed(0)} GiB, load average at start ${machine.loadAtStart}; Node ${machine.node}; ${Object.entries(machine.tools)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ")}.`;

export interface Summary {
  readonly target: string;
  readonly figure: string;
  readonly met: boolean | null;
}

export const summaryTable = (summary: readonly Summary[]): string =>
  table(
    ["target", "measured", "verdict"],
    summary.map((row) => [row.target, row.figure, verdict(row.met)]),
  );

const START = "<!-- npm run bench: start (generated by scripts/bench/main.ts; a full run replaces what lies between these markers) -->";
const END = "<!-- npm run bench: end -->";

/** Puts `section` after everything else in BENCHMARKS.md, or in place of the previous run's. */
export const writeBenchmarks = (file: string, section: string): void => {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const block = `${START}\n${section.trim()}\n${END}`;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next = start >= 0 && end > start ? `${text.slice(0, start)}${block}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
};
