// What a page renderer gets: the manifest and the epoch in force.

import type { Manifest } from "../manifest.ts";
import type { Epoch } from "./epoch.ts";

export interface View {
  readonly manifest: Manifest;
  readonly epoch: Epoch;
  /** The request's instant (ms since 1970). */
  readonly now: number;
}
