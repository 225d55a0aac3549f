// The Worker's private assets in public/_bodies/ (the essays' bodies, and the search index beside them):
// written after every check has passed, before the manifest that names them; removed once no manifest
// names them; and checked, with the manifest, before every bundle.

import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { BODIES_DIR, type Body, type BuildMode, bodyHash, bodyPath } from "../manifest.ts";
import type { SearchTable } from "../search.ts";
import { parseFilename } from "./filename.ts";
import { type FolderEntry, filesUnder, sha256 } from "./inputs.ts";
import { holds, writeAtomicAsync } from "./write-atomic.ts";

const fileOf = (publicDir: string, path: string): string => join(publicDir, path);

/** A body's path as messages name it, after "public/_bodies". */
const nameOf = (path: string): string => path.slice(BODIES_DIR.length + 2);

/** Every file in public/_bodies/, as the paths the Worker reads them by. */
const bodyFiles = (publicDir: string): string[] => {
  const dir = join(publicDir, BODIES_DIR);
  return existsSync(dir) ? filesUnder(dir).map((file) => `/${BODIES_DIR}${file.slice(dir.length)}`) : [];
};

/**
 * Writes the bodies that are not on disk as they are. A production body's name is its hash, so one that
 * exists is left alone; the preview's are compared, so a save rewrites only its own.
 */
export const writeBodies = async (publicDir: string, bodies: ReadonlyMap<string, string>): Promise<void> => {
  const writes: Promise<void>[] = [];
  for (const [path, text] of bodies) {
    const file = fileOf(publicDir, path);
    if (bodyHash(path) !== null ? existsSync(file) : holds(file, text)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writes.push(writeAtomicAsync(file, text));
  }
  await Promise.all(writes);
};

/** Removes every body file the manifest just written does not name (an edited essay's old body, say). */
export const removeStaleBodies = (publicDir: string, bodies: ReadonlyMap<string, string>): void => {
  for (const path of bodyFiles(publicDir))
    if (!bodies.has(path) && !path.endsWith(".tmp")) rmSync(fileOf(publicDir, path), { force: true });
};

const BODY_RE = new RegExp(`"body":"(/${BODIES_DIR}/[^"]+)"`, "g");
const SEARCH_RE = new RegExp(`"search":"(/${BODIES_DIR}/[^"]+)"`);

/** The shards a search table names; none when it cannot be read, which the table's own check reports. */
const searchTable = (file: string): Readonly<Record<string, string>> => {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as SearchTable).shards;
  } catch {
    return {};
  }
};

/**
 * Why the bodies do not match the manifest module's text and the posts, or null. Production: each body
 * the module names, and its search index's table and shards, exist with exactly the bytes their names
 * hash, and public/_bodies/ holds nothing else,
 * so a deploy never uploads a preview's drafts. Preview: each essay in posts/ has a body made from its
 * bytes as they are now; a stray is harmless there, and wrangler may run this check while `npm run dev`
 * is between writing a new module and removing the body a deleted essay left.
 */
export const bodiesStaleness = (
  publicDir: string,
  mode: BuildMode,
  moduleText: string,
  folder: readonly FolderEntry[],
): string | null => {
  const where = `public/${BODIES_DIR}`;
  const expected = new Map<string, (bytes: Buffer) => boolean>();
  if (mode === "production") {
    const hashed = (path: string) => expected.set(path, (bytes) => sha256(bytes) === bodyHash(path));
    for (const [, path = ""] of moduleText.matchAll(BODY_RE)) hashed(path);
    const table = SEARCH_RE.exec(moduleText)?.[1];
    if (table !== undefined) {
      hashed(table);
      for (const shard of new Set(Object.values(searchTable(fileOf(publicDir, table))))) hashed(shard);
    }
  } else {
    for (const { name, bytes: post } of folder) {
      const parsed = parseFilename(name);
      if (parsed.kind !== "essay" || post === null) continue;
      const source = sha256(post);
      expected.set(bodyPath(mode, parsed.slug, ""), (bytes) => {
        const body = JSON.parse(bytes.toString("utf8")) as Body;
        return body.source === source;
      });
    }
  }
  for (const [path, holds] of expected) {
    const file = fileOf(publicDir, path);
    if (!existsSync(file)) return `${where} has no ${nameOf(path)}, which the manifest names`;
    let fresh = false;
    try {
      fresh = holds(readFileSync(file));
    } catch {
      // Unreadable JSON is as stale as the wrong bytes.
    }
    if (!fresh) return `${where}/${nameOf(path)} does not hold what the manifest names`;
  }
  const stray = mode === "production" ? bodyFiles(publicDir).find((path) => !expected.has(path)) : undefined;
  return stray === undefined ? null : `${where} holds ${nameOf(stray)}, which the manifest does not name`;
};
