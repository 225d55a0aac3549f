// wrangler as sections 4 and 5 use it, offline: `deploy --dry-run` for the upload size as wrangler
// prints it, the bundled module (for workerd) and the `--outfile` bundle that `check startup
// --workerBundle` wants; `check startup` for the startup time; and a project for a Worker of our own.

import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { UPLOAD_RE } from "../../src/author/bundle-size.ts";
import { run, tempDir } from "./util.ts";
import { QUIET_WRANGLER } from "../../src/author/run.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");

const env = (home: string): Record<string, string> => ({
  XDG_CONFIG_HOME: home,
  ...QUIET_WRANGLER,
  NO_COLOR: "1",
});

export interface DryRun {
  readonly rawKiB: number;
  readonly gzipKiB: number;
  /** The bundled ES module, for workerd. */
  readonly module: string;
  /** The `--outfile` bundle, for `check startup --workerBundle`. */
  readonly bundleFile: string;
  readonly remove: () => void;
}

export const dryRun = async (dir: string): Promise<DryRun> => {
  const { dir: out, remove } = tempDir("fmlops-dry-run-");
  try {
    const args = ["deploy", "--dry-run", "--outdir", join(out, "dist"), "--outfile", join(out, "x.bundle")];
    const result = await run(WRANGLER, args, { cwd: dir, env: env(out), timeoutMs: 600_000 });
    const sizes = UPLOAD_RE.exec(result.output);
    const modules = readdirSync(join(out, "dist")).filter((name) => name.endsWith(".js"));
    if (result.status !== 0 || !sizes || modules.length !== 1)
      throw new Error(`wrangler deploy --dry-run failed in ${dir}:\n${result.output.slice(-4000)}`);
    return {
      rawKiB: Number(sizes[1]),
      gzipKiB: Number(sizes[2]),
      module: join(out, "dist", modules[0] as string),
      bundleFile: join(out, "x.bundle"),
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
};

/** `check startup`'s "Profile window": the startup phase from start to end, parsing and compiling included (ms). */
export const checkStartup = async (dir: string, bundleFile: string): Promise<number> => {
  const { dir: out, remove } = tempDir("fmlops-startup-");
  try {
    const args = ["check", "startup", "--workerBundle", bundleFile, "--outfile", join(out, "startup.cpuprofile")];
    const result = await run(WRANGLER, args, { cwd: dir, env: env(out), timeoutMs: 300_000 });
    const window = /Profile window: ([\d.]+) ms/.exec(result.output)?.[1];
    if (result.status !== 0 || window === undefined)
      throw new Error(`wrangler check startup failed in ${dir}:\n${result.output.slice(-4000)}`);
    return Number(window);
  } finally {
    remove();
  }
};

export const compatibilityDate = (dir: string): string => {
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(join(dir, "wrangler.toml"), "utf8"))?.[1];
  if (date === undefined) throw new Error(`no compatibility_date in ${dir}/wrangler.toml`);
  return date;
};

/** A temp project holding one Worker module of ours, with the site's compatibility date and node_modules (hono). */
export const workerProject = (name: string, source: string, date: string): { dir: string; remove: () => void } => {
  const { dir, remove } = tempDir(`fmlops-${name}-`);
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "worker.js"), source);
  writeFileSync(
    join(dir, "wrangler.toml"),
    `name = "${name}"\nmain = "src/worker.js"\ncompatibility_date = "${date}"\n`,
  );
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove };
};
