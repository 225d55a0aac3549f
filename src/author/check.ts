// `npm run check`: everything the build validates, plus the types, the published-URL ledger and the
// Worker's size budget, with no server started. Every problem is printed as file:line: message and
// the exit code is 1 when there is one. Locally it appends newly public URLs to the ledger and
// stages it; in CI it only verifies. `--budget-gzip-kib N` sets the size budget (default: 3 MiB).

import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildManifest, type BuildResult } from "../build/build.ts";
import { projectPaths } from "../build/paths.js";
import { BuildFailed, count, formatProblem, type Problem } from "../build/problem.ts";
import { DEFAULT_BUDGET_GZIP_KIB, measureBundle, report, verdict, type BundleSize } from "./bundle-size.ts";
import { inCi } from "./ci.ts";
import { appendToLedger, missingFromLedger } from "./ledger-file.ts";
import { typecheck } from "./typecheck.ts";

const started = performance.now();
const { values } = parseArgs({ options: { "budget-gzip-kib": { type: "string", default: String(DEFAULT_BUDGET_GZIP_KIB) } } });
const budget = Number(values["budget-gzip-kib"]);
if (!(budget > 0)) {
  console.error(`--budget-gzip-kib must be a positive number of KiB, not ${values["budget-gzip-kib"]}`);
  process.exit(2);
}
const paths = projectPaths(fileURLToPath(import.meta.url));

/** The ledger must hold every public URL: recorded (and staged) here, only verified in CI. */
const ledgerProblems = (built: BuildResult): Problem[] => {
  const missing = missingFromLedger(paths.ledgerFile, built.publicPaths);
  if (missing.length === 0) return [];
  if (inCi()) {
    return [{ file: "published-urls.txt", message: `lacks ${count(missing.length, "public URL")} (${missing.join(", ")}): run \`npm run check\` and commit published-urls.txt` }];
  }
  const staged = appendToLedger(paths.ledgerFile, missing);
  console.log(`published-urls.txt: recorded ${count(missing.length, "newly public URL")}${staged ? " (staged)" : ""}: ${missing.join(", ")}`);
  return [];
};

const budgetProblems = (size: BundleSize | Error): Problem[] => {
  if (size instanceof Error) return [{ file: "wrangler.toml", message: `the Worker could not be bundled to measure it: ${size.message}` }];
  console.log(report(size, budget));
  const outcome = verdict(size.gzipKiB, budget);
  if (outcome === "warn") console.warn(`warning: the Worker uses ${((100 * size.gzipKiB) / budget).toFixed(0)}% of its ${budget} KiB gzip budget`);
  return outcome === "over"
    ? [{ file: "wrangler.toml", message: `the Worker is ${size.gzipKiB.toFixed(1)} KiB gzip, over the budget of ${budget} KiB: see the largest contributors above` }]
    : [];
};

const problems: Problem[] = [];
// The build goes first: the type checkers read the manifest it writes, and wrangler checks that
// manifest's freshness before it bundles. What follows only reads, so it runs side by side.
let built: BuildResult | null = null;
try {
  built = await buildManifest({ ...paths, mode: "production" });
} catch (error) {
  if (!(error instanceof BuildFailed)) throw error;
  problems.push(...error.problems);
}
const types = typecheck(paths.root, built !== null);
if (built === null) console.warn("the Worker's types are checked once the build passes");
const bundle = built === null ? null : measureBundle(paths.root).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
problems.push(...(await types));
if (built !== null && bundle !== null) problems.push(...ledgerProblems(built), ...budgetProblems(await bundle));

for (const problem of problems) console.error(formatProblem(problem));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(`check failed: ${count(problems.length, "problem")} (${seconds} s)`);
  process.exit(1);
}
console.log(`check passed (${seconds} s)`);
