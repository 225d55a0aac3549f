// What the global setup (fixture-manifests.ts, in Node) provides to the workerd tests.
import type { Manifest } from "../../src/manifest.ts";

export type FixtureName = "production" | "preview" | "rebuilt" | "many";

declare module "vitest" {
  export interface ProvidedContext {
    fixtureManifests: Record<FixtureName, Manifest>;
    /** Every fixture manifest's bodies, by the path the manifest names them by. */
    fixtureBodies: Record<string, string>;
  }
}
