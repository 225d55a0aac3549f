// Turning a post's bytes into text: strict UTF-8, an optional byte-order mark, LF or CRLF lines.

export type SourceText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly line: number };

const LF = 0x0a;
const BOM = "\uFEFF";

/** Decodes UTF-8 strictly; on failure reports the first line holding an invalid byte sequence. */
export const decodeSource = (bytes: Uint8Array): SourceText => {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    const withoutBom = text.startsWith(BOM) ? text.slice(BOM.length) : text;
    return { ok: true, text: withoutBom.replace(/\r\n?/g, "\n") };
  } catch {
    return { ok: false, line: firstInvalidLine(bytes) };
  }
};

const firstInvalidLine = (bytes: Uint8Array): number => {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === LF) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
};
