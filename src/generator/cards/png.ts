// PNG at the level of its chunks: a card records the text it shows in iTXt chunks (UTF-8, so any title
// survives), and a card on disk is read back whole, every chunk's CRC checked, so a damaged one is found.

import { crc32 } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Chunk = { readonly type: string; readonly data: Buffer };

const chunk = (type: string, data: Buffer): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** The chunks of `bytes`, or null when they are not a whole PNG: a wrong signature, a cut, a bad CRC. */
const chunksOf = (bytes: Uint8Array): Chunk[] | null => {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE)) return null;
  const chunks: Chunk[] = [];
  for (let at = SIGNATURE.length; at < png.length; ) {
    if (at + 12 > png.length) return null;
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) return null;
    const typed = png.subarray(at + 4, at + 8 + length);
    if (crc32(typed) !== png.readUInt32BE(end - 4)) return null;
    chunks.push({ type: typed.subarray(0, 4).toString("latin1"), data: typed.subarray(4) });
    at = end;
  }
  return chunks;
};

/** `png` with an iTXt chunk per entry (keyword: UTF-8 text) after its header. */
export const withText = (png: Uint8Array, entries: Readonly<Record<string, string>>): Uint8Array => {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  // The signature (8 bytes) and IHDR (4 + 4 + 13 + 4) come first in every PNG.
  const afterHeader = SIGNATURE.length + 25;
  // keyword, NUL, no compression (0, 0), empty language tag and translated keyword (NUL, NUL), the text.
  const texts = Object.entries(entries).map(([keyword, text]) =>
    chunk("iTXt", Buffer.concat([Buffer.from(`${keyword}\0\0\0\0\0`, "latin1"), Buffer.from(text, "utf8")])),
  );
  return Buffer.concat([bytes.subarray(0, afterHeader), ...texts, bytes.subarray(afterHeader)]);
};

export type PngFacts = {
  readonly width: number;
  readonly height: number;
  readonly text: Readonly<Record<string, string>>;
};

/** The size and iTXt text of a whole, undamaged PNG (IHDR first, IEND last), or null. */
export const readPng = (bytes: Uint8Array): PngFacts | null => {
  const chunks = chunksOf(bytes);
  const [header] = chunks ?? [];
  if (!chunks || header?.type !== "IHDR" || header.data.length !== 13 || chunks.at(-1)?.type !== "IEND") return null;
  const text: Record<string, string> = {};
  for (const { type, data } of chunks) {
    if (type !== "iTXt") continue;
    const keyword = data.subarray(0, data.indexOf(0)).toString("latin1");
    // After the keyword's NUL: two flag bytes, then the language tag and translated keyword, each to a NUL.
    const language = data.indexOf(0, keyword.length + 3);
    const translated = data.indexOf(0, language + 1);
    text[keyword] = data.subarray(translated + 1).toString("utf8");
  }
  return { width: header.data.readUInt32BE(0), height: header.data.readUInt32BE(4), text };
};
