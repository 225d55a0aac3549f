// Type checking as problems: the runtime types wrangler generates must be current, and each room's
// code must type-check on its own (the Worker's without Node's types).

import type { Problem } from "../generator/problem.ts";
import { run } from "./run.ts";

const TSC_ERROR_RE = /^(.+?)\((\d+),\d+\): (error TS\d+: .*)$/gm;

const tsc = async (root: string, project: string): Promise<Problem[]> => {
  const { status, stdout, stderr } = await run(root, "tsc", ["-p", project]);
  const found = [...stdout.matchAll(TSC_ERROR_RE)].map(([, file = "", line, message = ""]) => ({
    file,
    line: Number(line),
    message,
  }));
  return status !== 0 && found.length === 0
    ? [{ file: project, message: `tsc failed: ${(stdout + stderr).trim()}` }]
    : found;
};

const runtimeTypes = async (root: string): Promise<Problem[]> => {
  if ((await run(root, "wrangler", ["types", "--check"])).status === 0) return [];
  const message = "is stale: wrangler.toml changed since it was generated; run `npx wrangler types` and commit it";
  return [{ file: "worker-configuration.d.ts", message }];
};

// The Worker's room reads the manifest, so it is checked only when the build has just passed; a file
// both rooms share is reported once.
export const typecheck = async (root: string, manifestIsCurrent: boolean): Promise<Problem[]> => {
  const rooms = manifestIsCurrent ? ["tsconfig.json", "tsconfig.node.json"] : ["tsconfig.node.json"];
  const checks = [...rooms.map((project) => tsc(root, project)), ...(manifestIsCurrent ? [runtimeTypes(root)] : [])];
  const problems = (await Promise.all(checks)).flat();
  return [
    ...new Map(problems.map((problem) => [`${problem.file}:${problem.line}:${problem.message}`, problem])).values(),
  ];
};
