// What the global setup (fixture-manifests.ts, in Node) provides to the workerd tests.
import type { BuildMode, Manifest } from "../../src/manifest.ts";

declare module "vitest" {
  export interface ProvidedContext {
    fixtureManifests: Record<BuildMode, Manifest>;
  }
}
