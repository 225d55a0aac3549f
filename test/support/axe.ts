// axe-core in a Playwright page: the WCAG 2.0, 2.1 and 2.2 A and AA rules, violations one line each.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./project-copy.ts";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

const AXE_SOURCE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

// Strings, because the build's tsconfig has no DOM types.
const RUN = `axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ["violations"] })
  .then((results) => results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) })))`;

/**
 * Every axe violation on the page as loaded, one line per element: `rule (impact): help at selector`.
 * axe's source is evaluated through DevTools, which the page's Content-Security-Policy does not
 * govern, so no `<script>` is added and the policy needs no bypass.
 */
export const axeViolations = async (page: Page): Promise<string[]> => {
  if (!(await page.evaluate<boolean>("typeof axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(RUN);
  return violations.flatMap(({ id, impact, help, nodes }) =>
    nodes.map(
      ({ target, failureSummary }) =>
        `${id} (${impact ?? "?"}): ${help} at ${target.map(String).join(" ")}${failureSummary ? `: ${failureSummary.replaceAll("\n", " ")}` : ""}`,
    ),
  );
};
