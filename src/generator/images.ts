// Which file in public/ a URL path of the site names (for images and links alike), and local images'
// intrinsic sizes, read from those files, so a page keeps its layout while its images load. Only the first bytes are read: every format image-size knows keeps its size near the start.

import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { imageSize } from "image-size";
import { BODIES_DIR } from "../manifest.ts";
import { absoluteUrl } from "../urls.ts";
import { CARDS_DIR, HEADERS_FILE } from "./inputs.ts";

export type Size = { readonly width: number; readonly height: number };

/** The size of the image `src` shows on the page at `pageUrl`, or null when it is not a readable local image. */
export type ImageSizes = (src: string, pageUrl: string) => Size | null;

const HEAD_BYTES = 512 * 1024;

/** A URL path as a file path; a malformed escape (%zz) is left as written, and names no file. */
export const decodePath = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/** The file in `publicDir` that a URL path of the site names, or null when there is none. */
export const publicFile = (publicDir: string, pathname: string): string | null => {
  const file = join(publicDir, decodePath(pathname));
  // Cloudflare reads _headers itself and only the Worker reads the bodies: no reader gets either. A card
  // is the build's, named by what it shows: a post that linked one would break when its essay changed.
  const name = relative(publicDir, file);
  if (name === HEADERS_FILE || [BODIES_DIR, CARDS_DIR].some((dir) => name.startsWith(`${dir}${sep}`))) return null;
  return file.startsWith(publicDir) && statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
};

/** The size a file's bytes say, or null when image-size cannot read them (not an image, or no size in it). */
const sizeOfFile = (file: string): Size | null => {
  try {
    const head = new Uint8Array(Math.min(statSync(file).size, HEAD_BYTES));
    const fd = openSync(file, "r");
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const { width, height, orientation = 1 } = imageSize(head);
    // EXIF orientations 5 to 8 turn the picture a quarter: browsers show it with its sides swapped.
    return orientation >= 5 ? { width: height, height: width } : { width, height };
  } catch {
    return null;
  }
};

/** Sizes of the images under `publicDir`, each file read once per build. */
export const imageSizes = (publicDir: string): ImageSizes => {
  const known = new Map<string, Size | null>();
  const origin = absoluteUrl("/");
  return (src, pageUrl) => {
    const url = URL.parse(src, pageUrl);
    if (url === null || `${url.origin}/` !== origin) return null;
    const file = publicFile(publicDir, url.pathname);
    if (file === null) return null;
    if (!known.has(file)) known.set(file, sizeOfFile(file));
    return known.get(file) ?? null;
  };
};
