// wrangler as section 3 uses it: one `deploy --dry-run` that gives the upload size as wrangler
// prints it, the bundle (index.js, for workerd), esbuild's metafile and the `--outfile` bundle that
// `check startup --workerBundle` wants; and `check startup`'s figures.

import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bytesByContributor, MANIFEST_CONTRIBUTOR, UPLOAD_RE, type Metafile } from "../../src/author/bundle-size.ts";
import { run, tempDir } from "./util.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");

export interface DryRun {
  readonly rawKiB: number;
  readonly gzipKiB: number;
  /** The bundled module (for workerd). */
  readonly indexJs: string;
  /** The `--outfile` bundle (for `check startup --workerBundle`). */
  readonly bundleFile: string;
  /** Bytes of index.js from the generated manifest, from esbuild's metafile. */
  readonly manifestBytes: number;
  readonly totalBytes: number;
  /** Bytes of index.js by origin (the manifest, the site's code, each library), largest first. */
  readonly contributors: readonly { readonly name: string; readonly bytes: number }[];
  readonly remove: () => void;
}

const env = (home: string): Record<string, string> => ({ XDG_CONFIG_HOME: home, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" });

/** The one JavaScript module wrangler wrote (named after the Worker's main). */
const mainModule = (dist: string): string => {
  const modules = readdirSync(dist).filter((name) => name.endsWith(".js"));
  if (modules.length !== 1 || modules[0] === undefined) throw new Error(`expected one module in ${dist}, found: ${modules.join(", ") || "none"}`);
  return join(dist, modules[0]);
};

export const dryRun = async (dir: string, config?: string): Promise<DryRun> => {
  const { dir: out, remove } = tempDir("fmlops-dry-run-");
  try {
    const args = ["deploy", "--dry-run", "--outdir", join(out, "dist"), "--outfile", join(out, "x.bundle"), "--metafile", join(out, "meta.json")];
    if (config !== undefined) args.push("--config", config);
    const result = await run(WRANGLER, args, { cwd: dir, env: env(out), timeoutMs: 900_000 });
    const sizes = UPLOAD_RE.exec(result.stdout + result.stderr);
    if (result.status !== 0 || !sizes) throw new Error(`wrangler deploy --dry-run failed in ${dir}:\n${(result.stdout + result.stderr).slice(-4000)}`);
    const meta = JSON.parse(readFileSync(join(out, "meta.json"), "utf8")) as Metafile;
    const totalBytes = Object.entries(meta.outputs).reduce((sum, [file, output]) => (file.endsWith(".map") ? sum : sum + output.bytes), 0);
    const byOrigin = bytesByContributor(meta);
    return {
      rawKiB: Number(sizes[1]),
      gzipKiB: Number(sizes[2]),
      indexJs: mainModule(join(out, "dist")),
      bundleFile: join(out, "x.bundle"),
      manifestBytes: byOrigin.get(MANIFEST_CONTRIBUTOR) ?? 0,
      totalBytes,
      contributors: [...byOrigin].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
};

export interface Startup {
  /** "Profile window": from the start of the startup phase to its end, parse and compile included. */
  readonly windowMs: number;
  /** "Active": CPU samples that were not idle. */
  readonly activeMs: number;
}

export const checkStartup = async (dir: string, bundleFile: string): Promise<Startup> => {
  const { dir: out, remove } = tempDir("fmlops-startup-");
  try {
    const args = ["check", "startup", "--workerBundle", bundleFile, "--outfile", join(out, "startup.cpuprofile")];
    const result = await run(WRANGLER, args, { cwd: dir, env: env(out), timeoutMs: 600_000 });
    const text = result.stdout + result.stderr;
    const window = /Profile window: ([\d.]+) ms/.exec(text)?.[1];
    const active = /Active: ([\d.]+) ms/.exec(text)?.[1];
    if (result.status !== 0 || window === undefined || active === undefined) throw new Error(`wrangler check startup failed in ${dir}:\n${text.slice(-4000)}`);
    return { windowMs: Number(window), activeMs: Number(active) };
  } finally {
    remove();
  }
};

/** A temp project for one Worker module of our own, with the copy's compatibility date and hono. */
export const workerProject = (name: string, source: string, compatibilityDate: string): { dir: string; remove: () => void } => {
  const { dir, remove } = tempDir(`fmlops-${name}-`);
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "worker.js"), source);
  writeFileSync(join(dir, "wrangler.toml"), `name = "${name}"\nmain = "src/worker.js"\ncompatibility_date = "${compatibilityDate}"\n`);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove };
};

export const compatibilityDate = (dir: string): string => {
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(join(dir, "wrangler.toml"), "utf8"))?.[1];
  if (date === undefined) throw new Error(`no compatibility_date in ${dir}/wrangler.toml`);
  return date;
};

/** The copy's wrangler.toml without its [build] section, for bundling a manifest that is not the build's. */
export const configWithoutBuild = (dir: string): string => {
  const text = readFileSync(join(dir, "wrangler.toml"), "utf8").replace(/^\[build\][^[]*/m, "");
  const file = join(dir, "bench-wrangler.toml");
  writeFileSync(file, text);
  return file;
};
