// js-yaml 3 sets `reason` and `mark` on every YAMLException, but its published types omit them.
import "js-yaml";

declare module "js-yaml" {
  interface YAMLException {
    /** The problem without the position, e.g. "duplicated mapping key". */
    readonly reason: string;
    /** Where the parser stopped; `line` is 0-based within the YAML text. */
    readonly mark?: { readonly line: number; readonly column: number };
  }
}
