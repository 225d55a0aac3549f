// Posts' bodies (an entry's rendered HTML and, for an essay, the Markdown source and the feed copy
// where one ships, see feed-html.ts) live in generated modules beside the manifest module, which
// imports them. Every post belongs to one of BODY_GROUPS groups, chosen by its file name, and each
// group's posts share one body module: creating a file costs this machine's disk about 0.6 ms, so a
// thousand posts in 64 files are written many times faster than in a thousand.
//
// A body module is named by the render keys of the posts it holds (each key covers a post's name and
// bytes, the build's code and library versions), so a group with no edited post keeps its module: a
// rebuild after one edit writes one module, and takes the other posts of its group from the modules
// already there. Its first line says which posts and which hash; its second lists the keys, in the
// order of the bodies, so a build learns what every module holds from the first lines alone.

import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync } from "node:fs";
import { hash } from "node:crypto";
import { basename, join } from "node:path";
import type { Essay, Page } from "../manifest.ts";
import { GENERATOR } from "./paths.js";
import { writeAtomic } from "./write-atomic.js";

/** What an essay's bodies are. */
export type EssayBodies = Pick<Essay, "html" | "feedHtml" | "markdown">;
/** What a page's bodies are. */
export type PageBodies = Pick<Page, "html">;

export const ESSAY_BODY_FIELDS = ["html", "feedHtml", "markdown"] as const satisfies readonly (keyof EssayBodies)[];
export const PAGE_BODY_FIELDS = ["html"] as const satisfies readonly (keyof PageBodies)[];

/** Where an entry's bodies come from: a body module, or memory when none will be written. */
export interface BodySource {
  /** The post's render key, or null when its bodies exist only in memory and go into no module. */
  readonly key: string | null;
  /** The post's file as messages name it ("posts/…"): it decides the post's group. */
  readonly file: string;
  /** The bodies' JSON, as the body module holds it. */
  readonly json: () => string;
}

/** Where a post's bodies are in the modules a manifest imports: a module's name and a position in it. */
export interface BodyPlace {
  readonly module: string;
  readonly index: number;
}

/** The body modules' folder, beside the manifest module (`outFile`). */
export const BODIES_FOLDER = "bodies";

/**
 * How many body modules a build writes at most. Few enough that creating them costs little; enough
 * that an edit rewrites a small share of the bodies (a 64th: about 0.4 MB at 1,000 posts).
 */
export const BODY_GROUPS = 64;

const FILE_RE = /^([0-9a-f]{64})\.ts$/;
const KEYS_PREFIX = "// keys:";
/** The bodies start on this line of a body module (0-based): after the header, the keys and the export. */
const FIRST_BODY_LINE = 3;

export const bodyFile = (dir: string, name: string): string => join(dir, `${name}.ts`);

/** The import specifier the manifest module uses for a body module. */
export const bodyImport = (name: string): string => `./${BODIES_FOLDER}/${name}.ts`;

/**
 * The group of the post `file`: a function of its file name alone, so an edit never moves a post,
 * and a posts folder gives the same modules wherever it is.
 */
export const groupOf = (file: string): number => hash("sha256", basename(file), "buffer").readUInt16BE(0) % BODY_GROUPS;

/** A body module's name: the hash of the keys it holds, in order. */
const moduleName = (keys: readonly string[]): string => hash("sha256", keys.join("\n"));

/** Whether a body module's first line is the header of the module `name`. */
const saysName = (firstLine: string, name: string): boolean => firstLine.includes(`input sha256:${name}.`);

/**
 * `planned` with its bodies as enumerable getters that read them on first use: the manifest a build
 * returns costs nothing for the bodies nobody reads, and spreads or serialises like a plain object.
 */
export const attachBodies = <T, B extends EssayBodies | PageBodies>(
  planned: Omit<T, keyof B> & { readonly body: BodySource },
  fields: readonly (keyof B & string)[],
): T => {
  const { body, ...entry } = planned;
  let bodies: B | undefined;
  const load = (): B => (bodies ??= JSON.parse(body.json()) as B);
  for (const field of fields) Object.defineProperty(entry, field, { enumerable: true, get: () => load()[field] });
  return entry as T;
};

/** The JSON of a post's bodies, as its body module holds it: the one serialisation they get. */
export const bodiesJson = (bodies: EssayBodies | PageBodies): string => JSON.stringify(bodies);

/** The first `count` lines of `file`, read without reading the rest. */
const headLines = (file: string, count: number): string[] => {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let newlines = 0;
    for (let position = 0; newlines < count; ) {
      const chunk = Buffer.alloc(16_384);
      const length = readSync(fd, chunk, 0, chunk.length, position);
      if (length === 0) break;
      chunks.push(chunk.subarray(0, length));
      position += length;
      for (let i = chunk.indexOf(10); i !== -1 && i < length; i = chunk.indexOf(10, i + 1)) newlines++;
    }
    return Buffer.concat(chunks).toString("utf8").split("\n").slice(0, count);
  } finally {
    closeSync(fd);
  }
};

/** The body modules already in a folder: which keys each holds, and their bodies on demand. */
export interface StoredBodies {
  readonly has: (key: string) => boolean;
  /** The bodies' JSON of `key`, read from the module that holds it; throws when that module is not ours. */
  readonly json: (key: string) => string;
}

export const NO_STORED_BODIES: StoredBodies = {
  has: () => false,
  json: (key) => {
    throw new Error(`no body module holds ${key}`);
  },
};

/**
 * What the body modules in `dir` hold, from their first two lines; a module is read whole only when
 * one of its bodies is asked for. A body may be asked for after the build that opened this has
 * pruned the modules its manifest does not import, so every module that holds a key is remembered,
 * and the first one still there is read.
 */
export const openStoredBodies = (dir: string): StoredBodies => {
  const holders = new Map<string, { readonly name: string; readonly index: number }[]>();
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
    const name = FILE_RE.exec(entry)?.[1];
    if (name === undefined) continue;
    const [header = "", keys = ""] = headLines(bodyFile(dir, name), 2);
    // A module that does not say what it is holds nothing this build will use.
    if (!saysName(header, name) || !keys.startsWith(KEYS_PREFIX)) continue;
    keys
      .slice(KEYS_PREFIX.length)
      .trim()
      .split(" ")
      .forEach((key, index) => holders.set(key, [...(holders.get(key) ?? []), { name, index }]));
  }
  const lines = new Map<string, readonly string[]>();
  const linesOf = (name: string): readonly string[] => {
    let read = lines.get(name);
    if (read === undefined) {
      const file = bodyFile(dir, name);
      read = readFileSync(file, "utf8").split("\n");
      if (!saysName(read[0] ?? "", name)) throw new Error(`${file} is not the body module its name says: run \`npm run build\``);
      lines.set(name, read);
    }
    return read;
  };
  return {
    has: (key) => holders.has(key),
    json: (key) => {
      const places = holders.get(key) ?? [];
      const place = places.find(({ name }) => lines.has(name) || existsSync(bodyFile(dir, name)));
      if (place === undefined) return NO_STORED_BODIES.json(key);
      // Each body's line is `<index>:<json>,`.
      return (linesOf(place.name)[FIRST_BODY_LINE + place.index] ?? "").slice(`${place.index}:`.length, -1);
    },
  };
};

const moduleText = (name: string, keys: readonly string[], bodies: readonly string[], postsLabel: string, group: number): string =>
  [
    `// GENERATED by ${GENERATOR} from ${keys.length} ${keys.length === 1 ? "post" : "posts"} of ${postsLabel} (group ${group} of ${BODY_GROUPS}); input sha256:${name}. Do not edit: run \`npm run build\`.`,
    `${KEYS_PREFIX} ${keys.join(" ")}`,
    // An object keyed by position rather than an array, so TypeScript knows each entry is there.
    "export default {",
    ...bodies.map((json, index) => `${index}:${json},`),
    "};",
    "",
  ].join("\n");

/**
 * Writes the body modules of `sources` (one per group, each unless one by that name is there: same
 * name, same bytes) and says where each post's bodies are. `postsLabel` names the posts folder in
 * the modules' headers.
 */
export const writeBodyModules = (dir: string, sources: readonly BodySource[], postsLabel: string): ReadonlyMap<string, BodyPlace> => {
  const groups = new Map<number, { key: string; source: BodySource }[]>();
  for (const source of sources) {
    if (source.key === null) throw new Error(`${source.file} has no render key: its bodies cannot go into a body module`);
    const group = groupOf(source.file);
    const members = groups.get(group) ?? [];
    members.push({ key: source.key, source });
    groups.set(group, members);
  }
  const places = new Map<string, BodyPlace>();
  for (const [group, members] of groups) {
    members.sort((a, b) => (a.key < b.key ? -1 : 1));
    const keys = members.map((member) => member.key);
    const name = moduleName(keys);
    keys.forEach((key, index) => places.set(key, { module: name, index }));
    const file = bodyFile(dir, name);
    if (!existsSync(file)) writeAtomic(file, moduleText(name, keys, members.map((member) => member.source.json()), postsLabel, group));
  }
  return places;
};

/** Why the body module `name` cannot be what the manifest imports, or null when it can. */
export const bodiesProblem = (dir: string, name: string): { readonly file: string; readonly reason: string } | null => {
  const file = bodyFile(dir, name);
  if (!existsSync(file)) return { file, reason: "is missing" };
  const [first = ""] = headLines(file, 1);
  return saysName(first, name) ? null : { file, reason: "does not say on its first line that it is the module its name says" };
};

/** Removes every body module not in `keep`: groups whose posts were edited, renamed or removed. */
export const pruneBodies = (dir: string, keep: ReadonlySet<string>): void => {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const name = FILE_RE.exec(entry)?.[1];
    if (name !== undefined && !keep.has(name)) rmSync(join(dir, entry), { force: true });
  }
};
