// Fingerprints the Worker turns into ETags without hashing anything per request: one per essay and
// page, a chain over the essays (so every visible set has one), and one for the rendering code.

import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildMode, Essay, Page } from "../manifest.ts";
import type { EssayBodies } from "./body-module.ts";
import { filesUnder } from "./files.js";

/** 64 bits of SHA-256: plenty to tell apart versions of one URL. */
export const shortHash = (...parts: readonly string[]): string =>
  // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
  hash("sha256", parts.map((part) => `${part.length}:${part}`).join("")).slice(0, 16);

/** An entry without its bodies, which travel in a module of their own (see body-module.ts). */
export type WithoutBodies<T> = Omit<T, keyof EssayBodies>;

/** An essay as one post renders it: its own fingerprint, none of those that involve other essays. */
export type UnfingerprintedEssay = WithoutBodies<Omit<Essay, "chain" | "chainModified" | "pageFingerprint" | "dependents">>;
export type UnfingerprintedPage = WithoutBodies<Page>;

/**
 * A hash of what an entry serves: its fields and its bodies' JSON (`source` only points back at the
 * file, and `fingerprint` is what is being computed). Computed once, when the post is rendered (and
 * cached with it). The bodies are hashed as the JSON their module is written from, not serialised again.
 */
export const servedFingerprint = ({ source: _source, fingerprint: _fingerprint, ...served }: UnfingerprintedEssay | UnfingerprintedPage, bodiesJson: string): string =>
  shortHash(JSON.stringify(served), bodiesJson);

/**
 * Adds fingerprints to essays sorted newest first. Each chain covers that essay and all older ones.
 * An essay's page shows its older and newer neighbours and the other parts of its series; the
 * newer ones among them (its dependents) only once they are public.
 */
export const fingerprintEssays = <E extends UnfingerprintedEssay>(newestFirst: readonly E[]): (E & Omit<Essay, keyof UnfingerprintedEssay | keyof EssayBodies>)[] => {
  const fingerprints = newestFirst.map((essay) => essay.fingerprint);
  const chains: string[] = [];
  const chainModified: string[] = [];
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    chains[i] = shortHash(chains[i + 1] ?? "", fingerprints[i] ?? "");
    const modified = newestFirst[i]?.modified ?? "";
    const older = chainModified[i + 1] ?? "";
    chainModified[i] = modified > older ? modified : older;
  }
  // Each series' parts found in one pass: looking them up essay by essay cost a pass per essay.
  const seriesParts = new Map<string, number[]>();
  newestFirst.forEach(({ series }, i) => {
    if (series === null) return;
    const parts = seriesParts.get(series);
    if (parts === undefined) seriesParts.set(series, [i]);
    else parts.push(i);
  });
  return newestFirst.map((essay, i) => {
    const around = new Set(essay.series === null ? [] : seriesParts.get(essay.series));
    if (i > 0) around.add(i - 1);
    if (i + 1 < newestFirst.length) around.add(i + 1);
    around.delete(i);
    const shown = [...around].sort((a, b) => a - b);
    return {
      ...essay,
      chain: chains[i] ?? "",
      chainModified: chainModified[i] ?? "",
      pageFingerprint: shortHash(fingerprints[i] ?? "", ...shown.map((j) => fingerprints[j] ?? "")),
      dependents: shown.filter((j) => j < i).map((j) => newestFirst[j]?.slug ?? ""),
    };
  });
};

/** The Worker's source and the shared modules: the code that turns a manifest into responses. */
const RENDER_CODE = ["src/worker", "src/manifest.ts", "src/site.ts", "src/urls.ts", "src/security.ts"];

export const renderFingerprint = (root: string, mode: BuildMode, stylesheet: string): string => {
  const { version } = JSON.parse(readFileSync(join(root, "node_modules", "hono", "package.json"), "utf8")) as { version: string };
  const files = RENDER_CODE.flatMap((path) => filesUnder(join(root, path))).sort();
  return shortHash(mode, `hono ${version}`, stylesheet, ...files.flatMap((file) => [file.slice(root.length), readFileSync(file, "utf8")]));
};
