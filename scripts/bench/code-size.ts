// Section 1: how much code a reader of src/ has to hold, generated files excluded. Lines are counted
// as `wc -l` counts them (newlines), over every file.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Section } from "./report.ts";
import { table } from "./util.ts";

const TOTAL_TARGET = 3000;
const FILE_TARGET = 200;

const filesUnder = (dir: string, skip: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (path === skip) return [];
    return entry.isDirectory() ? filesUnder(path, skip) : [path];
  });

export const measureCodeSize = (root: string): Section => {
  const src = join(root, "src");
  const files = filesUnder(src, join(src, "generated")).map((file) => ({
    name: relative(root, file),
    lines: readFileSync(file, "utf8").split("\n").length - 1,
  }));
  files.sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name));
  const total = files.reduce((sum, file) => sum + file.lines, 0);
  const over = files.filter((file) => file.lines > FILE_TARGET);
  const largest = files[0] ?? { name: "none", lines: 0 };
  return {
    body: [
      table(`files | lines | largest file | its lines | files over ${FILE_TARGET} lines`, [
        [String(files.length), String(total), `\`${largest.name}\``, String(largest.lines), String(over.length)],
      ]),
      `The five largest: ${files
        .slice(0, 5)
        .map((file) => `\`${file.name}\` ${file.lines}`)
        .join(", ")}.`,
    ].join("\n\n"),
    targets: [
      {
        target: `src/ ≤ ${TOTAL_TARGET} lines`,
        measured: `${total} lines in ${files.length} files`,
        met: total <= TOTAL_TARGET,
      },
      {
        target: `no file in src/ over ${FILE_TARGET} lines`,
        measured:
          over.length === 0
            ? `largest ${largest.lines} (${largest.name})`
            : over.map((f) => `${f.name} ${f.lines}`).join(", "),
        met: over.length === 0,
      },
    ],
  };
};
