// Section 2, under load: the built Worker in workerd on 127.0.0.1, beside the constant-bytes Worker
// (the same answers as constants, bundled by the same wrangler) and nginx serving the same bytes
// from disk. A bounded load per route and server, servers in rotating order, medians of rounds.

import { hasNginx, load, loadTool, serveNginx, serveWorkerd, type LoadResult, type Server } from "./serve.ts";
import { constantWorkerSource, type Captured } from "./site.ts";
import { log, median } from "./util.ts";
import { compatibilityDate, dryRun, workerProject } from "./wrangler.ts";

export const LOAD_TARGET = 0.9;

export interface LoadRow {
  readonly route: string;
  readonly ours: LoadResult;
  readonly constant: LoadResult;
  readonly nginx: LoadResult | null;
  /** Median over rounds of ours/constant requests per second. */
  readonly ratio: number;
  readonly nginxRatio: number | null;
}

export const loadMet = (row: LoadRow): boolean => row.ratio >= LOAD_TARGET;

export interface LoadReport {
  readonly tool: "wrk" | "autocannon";
  readonly seconds: number;
  readonly connections: number;
  readonly rounds: number;
  readonly rows: readonly LoadRow[];
  /** Why nginx is missing, when it is. */
  readonly nginxNote: string | null;
}

const medianLoad = (results: readonly LoadResult[]): LoadResult => ({
  requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
  p50Ms: median(results.map((r) => r.p50Ms)),
  p99Ms: median(results.map((r) => r.p99Ms)),
  unexpected: results.reduce((sum, r) => sum + r.unexpected, 0),
});

const check = async (server: Server, captured: Captured, headers: Readonly<Record<string, string>>, compareBody: boolean): Promise<void> => {
  const response = await fetch(`${server.origin}${captured.route.path}`, { headers });
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status !== captured.status) throw new Error(`${server.name}: ${captured.route.path} answered ${response.status}, not ${captured.status}`);
  if (compareBody && body.length !== captured.body.length) throw new Error(`${server.name}: ${captured.route.path} answered ${body.length} bytes, not ${captured.body.length}`);
};

export const measureLoad = async (dir: string, captured: readonly Captured[], options: { seconds: number; rounds: number; connections: number }): Promise<LoadReport> => {
  const tool = loadTool();
  const date = compatibilityDate(dir);
  const constantProject = workerProject("bench-constant-load", constantWorkerSource(captured), date);
  const cleanup: (() => void)[] = [constantProject.remove];
  try {
    log("  wrangler deploy --dry-run: the site's Worker and the constant-bytes Worker");
    const ours = await dryRun(dir);
    cleanup.push(ours.remove);
    const theirs = await dryRun(constantProject.dir);
    cleanup.push(theirs.remove);
    const oursServer = await serveWorkerd("our Worker", ours.indexJs, date);
    cleanup.push(oursServer.stop);
    const constantServer = await serveWorkerd("constant-bytes Worker", theirs.indexJs, date);
    cleanup.push(constantServer.stop);
    let nginxNote: string | null = null;
    const nginx = hasNginx() ? await serveNginx(captured) : null;
    if (nginx) cleanup.push(nginx.stop);
    else nginxNote = "nginx is not installed (apt-get install -y nginx)";

    const rows: LoadRow[] = [];
    for (const entry of captured) {
      const workerHeaders = entry.route.headers;
      const nginxHeaders = nginx && entry.status === 304 ? { "If-None-Match": await nginx.etagOf(entry.route.path) } : workerHeaders;
      await check(oursServer, entry, workerHeaders, true);
      await check(constantServer, entry, workerHeaders, true);
      if (nginx) await check(nginx, entry, nginxHeaders, false);

      const results: Record<string, LoadResult[]> = { ours: [], constant: [], nginx: [] };
      const ratios: number[] = [];
      const nginxRatios: number[] = [];
      const servers: [string, Server, Readonly<Record<string, string>>][] = [
        ["ours", oursServer, workerHeaders],
        ["constant", constantServer, workerHeaders],
        ...(nginx ? [["nginx", nginx, nginxHeaders] as [string, Server, Readonly<Record<string, string>>]] : []),
      ];
      for (let round = 0; round < options.rounds; round++) {
        log(`  load ${entry.route.name}: round ${round + 1} of ${options.rounds}`);
        const order = [...servers.slice(round % servers.length), ...servers.slice(0, round % servers.length)];
        const got: Record<string, LoadResult> = {};
        for (const [name, server, headers] of order) {
          const result = await load(tool, `${server.origin}${entry.route.path}`, headers, entry.status, options);
          got[name] = result;
          results[name]?.push(result);
        }
        if (got["ours"] && got["constant"]) ratios.push(got["ours"].requestsPerSecond / got["constant"].requestsPerSecond);
        if (got["ours"] && got["nginx"]) nginxRatios.push(got["ours"].requestsPerSecond / got["nginx"].requestsPerSecond);
      }
      rows.push({
        route: entry.route.name,
        ours: medianLoad(results["ours"] ?? []),
        constant: medianLoad(results["constant"] ?? []),
        nginx: nginx ? medianLoad(results["nginx"] ?? []) : null,
        ratio: median(ratios),
        nginxRatio: nginx ? median(nginxRatios) : null,
      });
    }
    return { tool, seconds: options.seconds, connections: options.connections, rounds: options.rounds, rows, nginxNote };
  } finally {
    for (const step of cleanup.reverse()) step();
  }
};
