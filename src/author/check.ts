// `npm run check`: the build, the formatting, both rooms' types, the published-URL ledger and the
// Worker's size budget, every problem as file:line: message. `--budget-gzip-kib N` sets the budget.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type BuildResult, buildManifest } from "../generator/build.ts";
import { LEDGER_HEADER, readLedger } from "../generator/ledger.ts";
import { projectPaths } from "../generator/paths.ts";
import { BuildFailed, count, type Problem, printProblems } from "../generator/problem.ts";
import { writeAtomic } from "../generator/write-atomic.ts";
import { DEFAULT_BUDGET_GZIP_KIB, measureBundle, report, verdict, type BundleSize } from "./bundle-size.ts";
import { inCi } from "./ci.ts";
import { formatting } from "./formatting.ts";
import { typecheck } from "./typecheck.ts";

const started = performance.now();
const { values } = parseArgs({
  options: { "budget-gzip-kib": { type: "string", default: String(DEFAULT_BUDGET_GZIP_KIB) } },
});
const budget = Number(values["budget-gzip-kib"]);
if (!(budget > 0)) {
  console.error(`--budget-gzip-kib must be a positive number of KiB, not ${values["budget-gzip-kib"]}`);
  process.exit(2);
}
const paths = projectPaths();

// The ledger must hold every public URL: locally the new ones are appended and staged, so the commit
// that publishes a URL records it; CI only verifies.
const ledgerProblems = ({ publicPaths }: BuildResult): Problem[] => {
  const recorded = new Set(readLedger(paths.ledgerFile).map((entry) => entry.path));
  const missing = publicPaths.filter((path) => !recorded.has(path));
  const list = missing.join(", ");
  if (missing.length === 0) return [];
  const lacks = `lacks ${count(missing.length, "public URL")} (${list}): run \`npm run check\` and commit published-urls.txt`;
  if (inCi()) return [{ file: "published-urls.txt", message: lacks }];
  const file = paths.ledgerFile;
  const current = existsSync(file) ? readFileSync(file, "utf8") : `${LEDGER_HEADER.join("\n")}\n`;
  writeAtomic(file, `${current.endsWith("\n") ? current : `${current}\n`}${missing.join("\n")}\n`);
  const git = (args: string[]): boolean => spawnSync("git", args, { cwd: paths.root, stdio: "ignore" }).status === 0;
  const staged = git(["rev-parse", "--git-dir"]) && git(["add", "--", file]);
  console.log(
    `published-urls.txt: recorded ${count(missing.length, "newly public URL")}${staged ? " (staged)" : ""}: ${list}`,
  );
  return [];
};

const budgetProblems = (size: BundleSize | Error): Problem[] => {
  if (size instanceof Error)
    return [{ file: "wrangler.toml", message: `the Worker could not be bundled to measure it: ${size.message}` }];
  console.log(report(size, budget));
  const outcome = verdict(size.gzipKiB, budget);
  if (outcome === "warn")
    console.warn(
      `warning: the Worker uses ${((100 * size.gzipKiB) / budget).toFixed(0)}% of its ${budget} KiB gzip budget`,
    );
  const message = `the Worker is ${size.gzipKiB.toFixed(1)} KiB gzip, over the budget of ${budget} KiB: see the largest contributors above`;
  return outcome === "over" ? [{ file: "wrangler.toml", message }] : [];
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
const checks = [formatting(paths.root), typecheck(paths.root, built !== null)];
if (built === null) console.warn("the Worker's types are checked once the build passes");
const bundle =
  built === null
    ? null
    : measureBundle(paths.root).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
problems.push(...(await Promise.all(checks)).flat());
if (built !== null && bundle !== null) problems.push(...ledgerProblems(built), ...budgetProblems(await bundle));

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  printProblems(problems, `check failed: %n (${seconds} s)`);
  process.exit(1);
}
console.log(`check passed (${seconds} s)`);
