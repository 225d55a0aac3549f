// The Worker's upload size as `wrangler deploy --dry-run` counts it, against a budget that fails the
// check above it and warns from 80%; the report parts the manifest (the posts) from the code.

import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./run.ts";

/** The Workers Free plan's limit on a Worker's compressed size. */
export const DEFAULT_BUDGET_GZIP_KIB = 3 * 1024;
const WARN_FROM = 0.8;

export type BundleSize = { readonly rawKiB: number; readonly gzipKiB: number; readonly manifestKiB: number };

/** What wrangler prints of the upload: raw and gzip KiB. */
export const UPLOAD_RE = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/;

export const measureBundle = async (root: string): Promise<BundleSize> => {
  const dir = mkdtempSync(join(tmpdir(), "fmlops-bundle-"));
  try {
    const result = await run(root, "wrangler", ["deploy", "--dry-run", "--outdir", dir], { XDG_CONFIG_HOME: dir });
    const sizes = UPLOAD_RE.exec(result.stdout);
    if (result.status !== 0 || !sizes)
      throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}${result.stderr}`);
    const manifestKiB = statSync(join(root, "src", "generated", "manifest.ts")).size / 1024;
    return { rawKiB: Number(sizes[1]), gzipKiB: Number(sizes[2]), manifestKiB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

type Verdict = "ok" | "warn" | "over";

export const verdict = (gzipKiB: number, budgetKiB: number): Verdict =>
  gzipKiB > budgetKiB ? "over" : gzipKiB >= WARN_FROM * budgetKiB ? "warn" : "ok";

export const report = ({ rawKiB, gzipKiB, manifestKiB }: BundleSize, budgetKiB: number): string => {
  const used = `${((100 * gzipKiB) / budgetKiB).toFixed(1)}% used`;
  const part = (kib: number, what: string): string => `  ${kib.toFixed(1).padStart(9)} KiB raw  ${what}`;
  const code = part(Math.max(0, rawKiB - manifestKiB), "code (the Worker and Hono)");
  return [
    `Worker upload: ${rawKiB.toFixed(1)} KiB raw, ${gzipKiB.toFixed(1)} KiB gzip; budget ${budgetKiB} KiB gzip (${used})`,
    part(manifestKiB, "manifest (posts)"),
    code,
  ].join("\n");
};
