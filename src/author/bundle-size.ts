// The Worker's upload size as `wrangler deploy --dry-run` counts it, against a budget: the build
// fails above it and warns from 80%. The report names what the bytes are (the manifest, the
// Worker's own code, Hono), from esbuild's metafile.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./run.ts";

/** The Workers Free plan's limit on a Worker's compressed size. */
export const DEFAULT_BUDGET_GZIP_KIB = 3 * 1024;
export const WARN_FROM = 0.8;

export interface BundleSize {
  readonly rawKiB: number;
  readonly gzipKiB: number;
  /** Bytes in the bundle by origin, largest first. */
  readonly contributors: readonly { readonly name: string; readonly kib: number }[];
}

/** What wrangler prints of the upload: raw and gzip KiB. */
export const UPLOAD_RE = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/;

/** The contributor that the generated manifest makes. */
export const MANIFEST_CONTRIBUTOR = "manifest (posts)";

/** What an esbuild input is, for the size report: the manifest, the site's code, or a library. */
const contributorOf = (input: string): string => {
  if (input.startsWith("src/generated/")) return MANIFEST_CONTRIBUTOR;
  if (input.startsWith("src/")) return "site code";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return pkg ? `library ${pkg[1]}` : "other";
};

/** What this project reads of esbuild's metafile for a bundle. */
export type Metafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };

/** The bundle's bytes by contributor (see contributorOf), source maps left out. */
export const bytesByContributor = (meta: Metafile): Map<string, number> => {
  const bytes = new Map<string, number>();
  for (const [file, output] of Object.entries(meta.outputs)) {
    if (file.endsWith(".map")) continue;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = contributorOf(input);
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return bytes;
};

export const measureBundle = async (root: string): Promise<BundleSize> => {
  const dir = mkdtempSync(join(tmpdir(), "fmlops-bundle-"));
  try {
    const args = ["deploy", "--dry-run", "--outdir", dir, "--metafile", join(dir, "meta.json")];
    const result = await run(root, "wrangler", args, { XDG_CONFIG_HOME: dir });
    const sizes = UPLOAD_RE.exec(result.stdout);
    if (result.status !== 0 || !sizes)
      throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}${result.stderr}`);
    const bytes = bytesByContributor(JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as Metafile);
    return {
      rawKiB: Number(sizes[1]),
      gzipKiB: Number(sizes[2]),
      contributors: [...bytes].map(([name, n]) => ({ name, kib: n / 1024 })).sort((a, b) => b.kib - a.kib),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export type Verdict = "ok" | "warn" | "over";

export const verdict = (gzipKiB: number, budgetKiB: number): Verdict =>
  gzipKiB > budgetKiB ? "over" : gzipKiB >= WARN_FROM * budgetKiB ? "warn" : "ok";

export const report = ({ rawKiB, gzipKiB, contributors }: BundleSize, budgetKiB: number): string => {
  const used = `${((100 * gzipKiB) / budgetKiB).toFixed(1)}% used`;
  const largest = contributors.slice(0, 5).map(({ name, kib }) => `  ${kib.toFixed(1).padStart(9)} KiB raw  ${name}`);
  return [
    `Worker upload: ${rawKiB.toFixed(1)} KiB raw, ${gzipKiB.toFixed(1)} KiB gzip; budget ${budgetKiB} KiB gzip (${used})`,
    ...largest,
  ].join("\n");
};
