// Type checking as problems: the generated runtime types must be current, and each room's code
// must type-check on its own (the Worker's without Node's types).

import type { Problem } from "../generator/problem.ts";
import { run } from "./run.ts";

const TSC_ERROR_RE = /^(.+?)\((\d+),\d+\): (error TS\d+: .*)$/;

const tscProblems = (output: string): Problem[] =>
  output.split("\n").flatMap((text): Problem[] => {
    const match = TSC_ERROR_RE.exec(text.trim());
    return match ? [{ file: match[1] ?? "", line: Number(match[2]), message: match[3] ?? "" }] : [];
  });

const tsc = async (root: string, project: string): Promise<Problem[]> => {
  const result = await run(root, "tsc", ["-p", project]);
  const found = tscProblems(result.stdout);
  return result.status !== 0 && found.length === 0
    ? [{ file: project, message: `tsc failed: ${(result.stdout + result.stderr).trim()}` }]
    : found;
};

const runtimeTypes = async (root: string): Promise<Problem[]> =>
  (await run(root, "wrangler", ["types", "--check"])).status === 0
    ? []
    : [
        {
          file: "worker-configuration.d.ts",
          message: "is stale: wrangler.toml changed since it was generated; run `npx wrangler types` and commit it",
        },
      ];

/**
 * The Worker's room is checked against the manifest the build writes, so it is only checked when
 * the build has just passed; the build's room is always checked. A file both rooms share is
 * reported once.
 */
export const typecheck = async (root: string, manifestIsCurrent: boolean): Promise<Problem[]> => {
  const checks = manifestIsCurrent
    ? [runtimeTypes(root), tsc(root, "tsconfig.json"), tsc(root, "tsconfig.node.json")]
    : [tsc(root, "tsconfig.node.json")];
  const problems = (await Promise.all(checks)).flat();
  return [
    ...new Map(problems.map((problem) => [`${problem.file}:${problem.line}:${problem.message}`, problem])).values(),
  ];
};
