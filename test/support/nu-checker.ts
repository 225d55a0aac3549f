// The W3C Nu Html Checker (vnu.jar from the vnu-jar package, run by the system's Java) over many pages at
// once: it is a JVM that takes seconds to start, so every page goes into one folder and one run.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { requireTool } from "./system-tool.ts";

const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

/** Whether `java` is on the PATH; locally a missing one skips with one line, under CI it fails (see requireTool). */
export const requireJava = (): boolean => requireTool("java", "default-jre-headless");

interface NuMessage {
  readonly type: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly message: string;
}

/** A page's path as a file name the checker's report can be mapped back from: "/writing/x" -> "writing~x.html". */
const fileName = (path: string): string => `${path.replace(/^\/|\/$/g, "").replaceAll("/", "~") || "home"}.html`;

/**
 * Every error the Nu checker finds in `pages` (path -> the HTML as served), one line each:
 * `path:line:column: type: message`, sorted (the checker reports files in no fixed order). Warnings are
 * left out: the gate is the standard's conformance errors.
 */
export const nuErrors = (pages: ReadonlyMap<string, string>): string[] => {
  const dir = mkdtempSync(join(tmpdir(), "fmlops-vnu-"));
  try {
    const pathOf = new Map<string, string>();
    for (const [path, html] of pages) {
      const name = fileName(path);
      if (pathOf.has(name)) throw new Error(`${path} and ${pathOf.get(name)} would share the file ${name}`);
      pathOf.set(name, path);
      writeFileSync(join(dir, name), html);
    }
    const run = spawnSync("java", ["-jar", VNU_JAR, "--format", "json", "--errors-only", "--stdout", dir], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    let report: { messages: NuMessage[] };
    try {
      report = JSON.parse(run.stdout);
    } catch {
      throw new Error(`vnu printed no JSON report (exit ${run.status}): ${run.error ?? run.stderr}`);
    }
    return report.messages
      .map(({ url = "", lastLine, firstColumn, message, type }) => {
        const name = decodeURIComponent(basename(new URL(url, "file:///").pathname));
        return `${pathOf.get(name) ?? url}:${lastLine ?? 0}:${firstColumn ?? 0}: ${type}: ${message}`;
      })
      .sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
