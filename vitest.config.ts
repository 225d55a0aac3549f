// Three test projects, one per room the code runs in:
//   worker  inside workerd (the real Workers runtime), calling the Hono app and the Worker's fetch
//   build   in Node: the filename grammar, the schema, errors, atomicity, determinism, the bundle,
//           and the author's tools (check, new, the hook) run in copies of the project
//   e2e     in Node, against `wrangler dev`: what a browser or curl sees through the assets layer
//   browser in Node, driving Debian's Chromium against `wrangler dev`: navigation, links,
//           accessibility, valid HTML, the policy, Lighthouse
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          globalSetup: ["test/worker/fixture-manifests.ts"],
        },
      },
      {
        test: {
          name: "build",
          environment: "node",
          include: ["test/build/**/*.test.ts", "test/author/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // One Chromium at a time: two cores, and Lighthouse measures timing.
          fileParallelism: false,
        },
      },
    ],
  },
});
