// Reading CONTRACTS.md: every mechanism file and every test a contract names must exist.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A test file and the titles that follow it: `file` › "one", "two" and "three". */
const TESTS_RE = /`(test\/[^`]+\.test\.ts)` › ("[^"]+"(?:(?:,| and|, and) "[^"]+")*)/g;
const TITLE_RE = /"([^"]+)"/g;
/** A backticked cell entry that names a file of the repository rather than a symbol or a setting. */
const FILE_RE = /`((?:\.?[\w-]+\/)*[\w.-]+\.(?:ts|toml|txt|yml|json|md)|\.githooks\/[\w-]+|\.ci\/run)`/g;

export interface ContractRow {
  readonly line: number;
  readonly mechanisms: readonly string[];
  readonly tests: readonly { readonly file: string; readonly title: string }[];
}

/** The table rows of CONTRACTS.md (header and separator rows left out). */
export const contractRows = (markdown: string): ContractRow[] =>
  markdown.split("\n").flatMap((text, i): ContractRow[] => {
    const cells = text.split(" | ");
    if (!text.startsWith("| ") || cells.length < 3 || text.startsWith("| contract") || text.startsWith("| ---"))
      return [];
    return [
      {
        line: i + 1,
        mechanisms: [...(cells[1] ?? "").matchAll(FILE_RE)].map((m) => m[1] ?? ""),
        tests: [...(cells[2] ?? "").matchAll(TESTS_RE)].flatMap((m) =>
          [...(m[2] ?? "").matchAll(TITLE_RE)].map((title) => ({ file: m[1] ?? "", title: title[1] ?? "" })),
        ),
      },
    ];
  });

/** Every reference in CONTRACTS.md that points at nothing, as "CONTRACTS.md:line: what". */
export const brokenReferences = (markdown: string, root: string): string[] =>
  contractRows(markdown).flatMap(({ line, mechanisms, tests }) => [
    ...(tests.length === 0 ? [`CONTRACTS.md:${line}: names no test that proves the contract`] : []),
    ...mechanisms
      .filter((file) => !existsSync(join(root, file)))
      .map((file) => `CONTRACTS.md:${line}: the mechanism ${file} does not exist`),
    ...tests.flatMap(({ file, title }) => {
      if (!existsSync(join(root, file))) return [`CONTRACTS.md:${line}: the test file ${file} does not exist`];
      const source = readFileSync(join(root, file), "utf8");
      return [`"${title}"`, `'${title}'`, `\`${title}\``].some((quoted) => source.includes(quoted))
        ? []
        : [`CONTRACTS.md:${line}: ${file} has no test titled "${title}"`];
    }),
  ]);
