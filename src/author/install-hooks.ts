// npm's `prepare` step: points git at .githooks/ so every commit runs `npm run check`; outside a git
// repository of its own (a tarball, a copy inside another repository) it does nothing, silently.

import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { projectPaths } from "../generator/paths.ts";

const HOOKS_DIR = ".githooks";

const { root } = projectPaths();
const topLevel = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: root, encoding: "utf8" });
if (topLevel.status === 0 && realpathSync(topLevel.stdout.trim()) === realpathSync(root)) {
  spawnSync("git", ["config", "core.hooksPath", HOOKS_DIR], { cwd: root, stdio: "ignore" });
}
