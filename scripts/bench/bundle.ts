// Section 3: the Worker's upload size and startup time against the number of posts. For a built
// copy: one `wrangler deploy --dry-run` (upload raw/gzip as wrangler prints it, the manifest's
// share from esbuild's metafile, the bundle for `check startup`), the same for a constant-bytes
// Worker holding what the site serves as strings, and `wrangler check startup` for both,
// interleaved, median of several runs.

import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_BUDGET_GZIP_KIB } from "../../src/author/bundle-size.ts";
import { securityHeaders } from "../../src/build/security-headers.ts";
import { manifestFile } from "./project.ts";
import { alternating, log, median, run } from "./util.ts";
import { checkStartup, compatibilityDate, configWithoutBuild, dryRun, workerProject, type Startup } from "./wrangler.ts";

const CAPTURE_ALL = fileURLToPath(new URL("./capture-all.ts", import.meta.url));

export const CODE_TARGET_KIB = 25;
export const STARTUP_TARGET = 1.5;
/** The one N the startup target is judged at. */
export const STARTUP_JUDGED_AT = 1000;
export const FREE_LIMIT_KIB = DEFAULT_BUDGET_GZIP_KIB;
export const PAID_LIMIT_KIB = 10 * 1024;

export interface BundleRow {
  readonly n: number;
  readonly rawKiB: number;
  readonly gzipKiB: number;
  /** The manifest's share of the bundle's raw bytes (esbuild metafile). */
  readonly manifestShare: number;
  readonly constantGzipKiB: number;
  readonly startup: Startup;
  readonly constantStartup: Startup;
  /** Median over runs of ours/constant (profile window). */
  readonly startupRatio: number;
  /** The manifest as one JSON string parsed on first request, when measured at this N. */
  readonly jsonStartup: Startup | null;
  readonly jsonGzipKiB: number | null;
  /** The manifest's essays without their bodies (HTML, feed HTML, Markdown), as JSON: bytes per essay. */
  readonly listPart: { readonly rawBytesPerEssay: number; readonly gzipBytesPerEssay: number };
}

export interface CodePart {
  readonly rawKiB: number;
  readonly gzipKiB: number;
  /** Raw bytes of the bundled module by origin (site code, each library), largest first. */
  readonly contributors: readonly { readonly name: string; readonly bytes: number }[];
}

const medianStartup = (runs: readonly Startup[]): Startup => ({ windowMs: median(runs.map((r) => r.windowMs)), activeMs: median(runs.map((r) => r.activeMs)) });

export const startupMet = (row: BundleRow): boolean => row.startupRatio <= STARTUP_TARGET;
export const codeMet = (code: CodePart): boolean => code.gzipKiB < CODE_TARGET_KIB;

export interface BundleOptions {
  readonly startupRuns: number;
  /** Also measure the manifest-as-a-JSON-string Worker. */
  readonly jsonVariant: boolean;
}

/** Section 3 for one built copy serving `n` essays. */
export const measureBundleAt = async (dir: string, n: number, options: BundleOptions): Promise<BundleRow> => {
  const date = compatibilityDate(dir);
  const constant = workerProject("bench-constant", "", date);
  const json = workerProject("bench-json-manifest", "", date);
  const dryRuns: { remove: () => void }[] = [];
  try {
    const listFile = join(constant.dir, "list-part.json");
    const captured = await run(process.execPath, ["--max-old-space-size=8192", CAPTURE_ALL, dir, join(constant.dir, "src", "worker.js"), join(json.dir, "src", "worker.js"), listFile], { cwd: dir, timeoutMs: 900_000 });
    if (captured.status !== 0) throw new Error(`capturing the site's responses failed:\n${(captured.stdout + captured.stderr).slice(-4000)}`);
    const list = JSON.parse(readFileSync(listFile, "utf8")) as { essays: number; rawBytes: number; gzipBytes: number };

    log(`  N=${n}: wrangler deploy --dry-run (ours)`);
    const ours = await dryRun(dir);
    dryRuns.push(ours);
    log(`  N=${n}: wrangler deploy --dry-run (constant-bytes Worker)`);
    const theirs = await dryRun(constant.dir);
    dryRuns.push(theirs);
    const jsonRun = options.jsonVariant ? await dryRun(json.dir) : null;
    if (jsonRun) dryRuns.push(jsonRun);

    const oursRuns: Startup[] = [];
    const constantRuns: Startup[] = [];
    const jsonRuns: Startup[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < options.startupRuns; i++) {
      log(`  N=${n}: wrangler check startup, run ${i + 1} of ${options.startupRuns}`);
      const [ourStartup, constantStartup] = await alternating(
        i,
        () => checkStartup(dir, ours.bundleFile),
        () => checkStartup(constant.dir, theirs.bundleFile),
      );
      oursRuns.push(ourStartup);
      constantRuns.push(constantStartup);
      ratios.push(ourStartup.windowMs / constantStartup.windowMs);
      if (jsonRun) jsonRuns.push(await checkStartup(json.dir, jsonRun.bundleFile));
    }
    return {
      n,
      rawKiB: ours.rawKiB,
      gzipKiB: ours.gzipKiB,
      manifestShare: ours.totalBytes > 0 ? ours.manifestBytes / ours.totalBytes : Number.NaN,
      constantGzipKiB: theirs.gzipKiB,
      startup: medianStartup(oursRuns),
      constantStartup: medianStartup(constantRuns),
      startupRatio: median(ratios),
      jsonStartup: jsonRun ? medianStartup(jsonRuns) : null,
      jsonGzipKiB: jsonRun ? jsonRun.gzipKiB : null,
      listPart: { rawBytesPerEssay: list.rawBytes / list.essays, gzipBytesPerEssay: list.gzipBytes / list.essays },
    };
  } finally {
    for (const dry of dryRuns) dry.remove();
    constant.remove();
    json.remove();
  }
};

/**
 * The code part: everything but the posts. The copy's manifest is swapped for an empty one of the
 * same shape (no essays, no pages) and bundled by the same `wrangler deploy --dry-run`, with a
 * config that skips the build's freshness check (the manifest is deliberately not the build's);
 * wrangler's own raw and gzip figures are the code part. The real manifest is put back after.
 */
export const measureCodePart = async (dir: string): Promise<CodePart> => {
  const file = manifestFile(dir);
  const kept = `${file}.bench-kept`;
  const header = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
  renameSync(file, kept);
  const config = configWithoutBuild(dir);
  try {
    const empty = { mode: "production", renderFingerprint: "0000000000000000", pagesFingerprint: "0000000000000000", stylesheet: "/style.0000000000.css", securityHeaders: await securityHeaders(), essays: [], pages: [] };
    writeFileSync(file, `${header}\nimport type { Manifest } from "../manifest.ts";\n\nexport const manifest: Manifest = ${JSON.stringify(empty)};\n`);
    const result = await dryRun(dir, config);
    result.remove();
    return { rawKiB: result.rawKiB, gzipKiB: result.gzipKiB, contributors: result.contributors.filter((c) => c.bytes > 0) };
  } finally {
    rmSync(file, { force: true });
    renameSync(kept, file);
    rmSync(config, { force: true });
  }
};

/** Least-squares line through (n, gzipKiB); the N at which it reaches `limitKiB`. */
export const reachN = (rows: readonly BundleRow[], limitKiB: number): number | null => {
  if (rows.length < 2) return null;
  const xs = rows.map((row) => row.n);
  const ys = rows.map((row) => row.gzipKiB);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
  }
  if (sxx === 0 || sxy <= 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  return (limitKiB - intercept) / slope;
};

/** With one point only (quick): the slope through the code part (N=0) and that point. */
export const reachNFromTwoPoints = (codeGzipKiB: number, row: BundleRow, limitKiB: number): number | null => {
  const slope = (row.gzipKiB - codeGzipKiB) / row.n;
  return slope > 0 ? (limitKiB - codeGzipKiB) / slope : null;
};
