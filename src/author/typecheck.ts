// Type checking as problems: the generated runtime types must be current, and each room's code
// must type-check on its own (the Worker's without Node's types).

import type { Problem } from "../build/problem.ts";
import { run } from "./run.ts";

const TSC_ERROR_RE = /^(.+?)\((\d+),\d+\): (error TS\d+: .*)$/;

const tscProblems = (output: string): Problem[] =>
  output.split("\n").flatMap((text): Problem[] => {
    const match = TSC_ERROR_RE.exec(text.trim());
    return match ? [{ file: match[1] ?? "", line: Number(match[2]), message: match[3] ?? "" }] : [];
  });

export const typecheck = async (root: string): Promise<Problem[]> => {
  const [types, worker, node] = await Promise.all([
    run(root, "wrangler", ["types", "--check"]),
    run(root, "tsc", ["-p", "tsconfig.json"]),
    run(root, "tsc", ["-p", "tsconfig.node.json"]),
  ]);
  const problems: Problem[] = [];
  if (types.status !== 0) {
    problems.push({ file: "worker-configuration.d.ts", message: "is stale: wrangler.toml changed since it was generated; run `npx wrangler types` and commit it" });
  }
  for (const [project, result] of [["tsconfig.json", worker], ["tsconfig.node.json", node]] as const) {
    const found = tscProblems(result.stdout);
    if (result.status !== 0 && found.length === 0) problems.push({ file: project, message: `tsc failed: ${(result.stdout + result.stderr).trim()}` });
    problems.push(...found);
  }
  return problems;
};
