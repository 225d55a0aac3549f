// Section 4: requests/s in workerd. The copy's Worker and the constant-bytes Worker (its answers,
// captured, as constants), both bundled by `wrangler deploy --dry-run` and served by `workerd serve`,
// and nginx serving the same bytes from disk as the physical reference. One bounded load at a time,
// the servers' order rotating each round; medians of the rounds, and of the per-round ratios. Also
// the essay's first request on a fresh server, when ours has yet to read its body.

import { projectPaths } from "../../src/generator/paths.ts";
import { onPath } from "../../test/support/system-tool.ts";
import { constantWorker } from "./constant-worker.ts";
import { firstRequests } from "./first-request.ts";
import { type LoadOptions, type LoadResult, load, loadTool } from "./load-generator.ts";
import type { Section, Target } from "./report.ts";
import { type Server, serveNginx, serveWorkerd } from "./serve.ts";
import type { Captured } from "./site.ts";
import { fixed, median, log, ratio, table } from "./util.ts";
import { compatibilityDate, type DryRun } from "./wrangler.ts";

const REQUESTS_TARGET = 0.9;
/** Requests sent to each server before it is measured, so that no side is timed while its code is still cold. */
const WARM_UP = 200;

/** Sends the route's request; fails unless the status, and (for the two Workers) the body's length, are the captured ones. */
const check = async (server: Server, entry: Captured, headers: Record<string, string>, sameBytes: boolean) => {
  for (let i = 0; i < WARM_UP; i++) {
    const response = await fetch(`${server.origin}${entry.route.path}`, { headers });
    const length = (await response.bytes()).length;
    if (response.status !== entry.status || (sameBytes && length !== entry.body.length))
      throw new Error(
        `${server.name}: ${entry.route.path} answered ${response.status}, ${length} bytes, not as captured`,
      );
  }
};

/** `ours` is the copy's own dry run, made by the caller. */
export const measureRequests = async (
  dir: string,
  ours: DryRun,
  captured: readonly Captured[],
  { rounds, ...options }: LoadOptions & { readonly rounds: number },
): Promise<Section> => {
  const date = compatibilityDate(dir);
  const cleanup: (() => void | Promise<void>)[] = [];
  try {
    const constant = await constantWorker(dir, captured);
    cleanup.push(constant.remove);
    const theirs = constant.bundle;
    const startOurs = () => serveWorkerd("our Worker", ours.module, date, projectPaths(dir).publicDir);
    const startTheirs = () => serveWorkerd("constant Worker", theirs.module, date);
    const essayPath = captured.find(({ route }) => route.name === "essay")?.route.path;
    if (essayPath === undefined) throw new Error("no essay among the captured routes");
    // Before the loads: each side on servers of its own, started afresh for each round.
    const first = await firstRequests(startOurs, startTheirs, essayPath, rounds);
    const servers = [await startOurs()];
    cleanup.push(servers[0]!.stop);
    servers.push(await startTheirs());
    cleanup.push(servers[1]!.stop);
    if (onPath("nginx")) {
      servers.push(await serveNginx(captured));
      cleanup.push(servers[2]!.stop);
    }
    const rows: string[][] = [];
    const targets: Target[] = [];
    for (const entry of captured) {
      // nginx makes its own ETag: its 304 is asked for with that one.
      const headers = await Promise.all(
        servers.map(async (server, i) =>
          i < 2 || entry.status !== 304
            ? { ...entry.route.headers }
            : { "If-None-Match": (await fetch(`${server.origin}${entry.route.path}`)).headers.get("etag") ?? "" },
        ),
      );
      for (const [i, server] of servers.entries()) await check(server, entry, headers[i]!, i < 2);
      const results: LoadResult[][] = servers.map(() => []);
      for (let round = 0; round < rounds; round++) {
        log(`  ${entry.route.name}: round ${round + 1} of ${rounds}`);
        for (let k = 0; k < servers.length; k++) {
          const i = (round + k) % servers.length;
          results[i]!.push(await load(`${servers[i]!.origin}${entry.route.path}`, headers[i]!, entry.status, options));
        }
      }
      const [o, c, n] = results;
      const perRound = (a = o!, b = c!): number[] => a.map((r, i) => r.requestsPerSecond / b[i]!.requestsPerSecond);
      const versus = (a = o!, b = c!): number => median(perRound(a, b));
      const cell = (list: LoadResult[] | undefined): string =>
        list
          ? `${median(list.map((r) => r.requestsPerSecond)).toFixed(0)} (${median(list.map((r) => r.p99Ms)).toFixed(1)})`
          : "n/a";
      const unexpected = results.flat().reduce((sum, r) => sum + r.unexpected, 0);
      rows.push([
        `${entry.route.name} (${entry.status})`,
        cell(o),
        cell(c),
        cell(n),
        ratio(versus(), REQUESTS_TARGET),
        perRound()
          .map((r) => r.toFixed(2))
          .join(", "),
        n ? ratio(versus(o, n)) : "n/a",
        `${unexpected}`,
      ]);
      targets.push({
        target: `workerd, ${entry.route.name}: ≥ ${REQUESTS_TARGET}× the constant Worker's req/s`,
        measured: ratio(versus(), REQUESTS_TARGET),
        met: versus() >= REQUESTS_TARGET,
      });
    }
    return {
      body: [
        `${loadTool()}, one thread, ${options.connections} connections, ${options.seconds} s per load, median of ${rounds} round(s); req/s (p99 latency, ms). The ratios are medians of the per-round ratios, so they need not equal the ratio of the medians.`,
        table(
          "route | our Worker | constant Worker | nginx | ours / constant | each round | ours / nginx | unexpected answers",
          rows,
        ),
        ...(servers.length < 3 ? ["nginx is not installed (apt-get install -y nginx): no reference column."] : []),
        `The first request for the essay on a freshly started server (after its \`/\`, which shows it is up), median of ${rounds} round(s): ours ${fixed(median(first.ours), 1)} ms (it reads the body through ASSETS and renders the page), the constant Worker ${fixed(median(first.constant), 1)} ms; each round (ms): ours ${first.ours.map((ms) => fixed(ms, 1)).join(", ")}; constant ${first.constant.map((ms) => fixed(ms, 1)).join(", ")}. No target.`,
      ].join("\n\n"),
      targets,
    };
  } finally {
    for (const step of cleanup.reverse()) await step();
  }
};
