// The one cache: rendered posts by render key (inputs.ts). In memory a map, which `npm run dev` keeps,
// so a save renders one post; between runs one file, a line per post. Deleting it costs time only.

import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { absoluteUrl } from "../urls.ts";
import type { ImageSizes } from "./images.ts";
import { renderKey, sha256 } from "./inputs.ts";
import { type NamedPost, type PostResult, readPost } from "./post.ts";
import { writeAtomic } from "./write-atomic.ts";

const KEY_LENGTH = 64;

// A line is "<key> <result without its entry or body text>", then, for a post that rendered, a tab (which
// JSON text never holds) and the entry as the manifest module holds it, and for an essay another tab and
// its body's text as its file holds it: JSON already, so it is not escaped again.
const lineOf = (key: string, result: PostResult): string[] => {
  if (!result.ok) return [`${key} ${JSON.stringify(result)}\n`];
  const body = result.kind === "essay" ? result.body : null;
  const head = JSON.stringify({ ...result, entry: undefined, body: body && { hash: body.hash } });
  return [`${key} ${head}\t`, JSON.stringify(result.entry), ...(body ? ["\t", body.text] : []), "\n"];
};

/** A line's result, or undefined when the line is damaged (a crash cut it short, say): a miss. */
const parsed = (line: string): PostResult | undefined => {
  const [head = "", entry = "", text] = line.slice(KEY_LENGTH + 1).split("\t");
  try {
    const result = JSON.parse(head) as PostResult;
    if (!result.ok) return result;
    if (result.kind === "essay" && (text === undefined || sha256(text) !== result.body.hash)) return undefined;
    const body = result.kind === "essay" ? { body: { hash: result.body.hash, text } } : {};
    return { ...result, entry: JSON.parse(entry), ...body } as PostResult;
  } catch {
    return undefined;
  }
};

/** An image's size is written into the HTML but is not in the key: a render holds while its images keep their sizes. */
const sizesHold = (result: PostResult, sizes: ImageSizes): boolean =>
  !result.ok ||
  result.facts.images.every(([src, size]) => {
    const now = sizes(src, absoluteUrl(result.facts.path));
    return now?.width === size?.width && now?.height === size?.height;
  });

export type RenderCache = ReturnType<typeof openRenderCache>;

/**
 * The cache in `file` (null: in memory only) for the generator's code as `code` hashes it, which must
 * be the code this process loaded: a process that outlives an edit keeps rendering with the old code.
 */
export const openRenderCache = (file: string | null, code: string) => {
  const entries = new Map<string, { readonly line: readonly string[]; readonly result: PostResult }>();
  const lines = (file !== null && existsSync(file) ? readFileSync(file, "utf8").split("\n") : []).filter(
    (line) => line.charAt(KEY_LENGTH) === " ",
  );
  for (const line of lines) {
    const result = parsed(line);
    if (result !== undefined) entries.set(line.slice(0, KEY_LENGTH), { line: [line, "\n"], result });
  }
  let linesInFile = lines.length;
  const used = new Set<string>();
  const added: string[] = [];
  return {
    code,
    /** The post rendered, or as it was when these bytes and this code last rendered it, its images' sizes unchanged. */
    render: (file: string, bytes: Uint8Array, name: NamedPost, sizes: ImageSizes): PostResult => {
      const key = renderKey(code, file, bytes);
      used.add(key);
      const cached = entries.get(key)?.result;
      if (cached !== undefined && sizesHold(cached, sizes)) return cached;
      const result = readPost(file, bytes, name, sizes);
      entries.set(key, { line: lineOf(key, result), result });
      added.push(key);
      return result;
    },
    rendered: (): number => added.length,
    /**
     * Forgets what the build since the last save did not use, and appends what it rendered to the file
     * (on a line of its own, should the last have been cut short), rewriting it once unused lines outnumber used ones.
     */
    save: (): void => {
      for (const key of entries.keys()) if (!used.has(key)) entries.delete(key);
      if (file !== null && added.length > 0) {
        const append = existsSync(file) && linesInFile + added.length <= 2 * entries.size;
        const pieces = (append ? added : [...entries.keys()]).flatMap((key) => entries.get(key)?.line ?? []);
        if (append) appendFileSync(file, `\n${pieces.join("")}`);
        else writeAtomic(file, ...pieces);
        linesInFile = append ? linesInFile + added.length : entries.size;
      }
      used.clear();
      added.length = 0;
    },
  };
};
