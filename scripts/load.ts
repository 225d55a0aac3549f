// `npm run load`: a bounded load test of the production Worker, in workerd, on 127.0.0.1 only.
//
//   1. builds the production manifest (`node src/generator/cli.ts`, as `npm run build` does);
//   2. bundles the Worker exactly as a deploy would (`wrangler deploy --dry-run --outdir <tmp>`);
//   3. serves that bundle with Miniflare (workerd) on a free port of 127.0.0.1;
//   4. checks every URL of the mix once (its status, a 301's Location) and fetches the ETags the
//      304 revalidations send (a hash of the answer's bytes, the same for every request until the
//      site's next scheduled change);
//   5. drives the server with autocannon for a fixed time and number of connections, each
//      connection cycling through the mix: pages, feeds, 304s, 404s and a 301;
//   6. prints requests/s, latency (p50, p90, p99, p99.9, max), throughput, errors, and every
//      status by URL, and exits 1 on any connection error, timeout, or response whose status (or
//      Location) is not the one expected for its URL.
//
// Only the Worker is served: the static-assets layer that answers public/ files in production is
// not in front of it (the Worker's ASSETS binding reads public/ from disk), and no URL of the mix is a file. Every step has a time limit, and the server
// and any child process are stopped on every path out: success, failure, an exception, a time limit,
// Ctrl-C, SIGTERM or SIGHUP.
//
//   npm run load                                   # 10 s, 16 connections
//   npm run load -- --duration 30 --connections 64

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from "miniflare";
import { GENERATOR } from "../src/generator/paths.ts";
import { UPLOAD_RE } from "../src/author/bundle-size.ts";
import { QUIET_WRANGLER } from "../src/author/run.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "node_modules", ".bin");
const HOST = "127.0.0.1";

/** A failure worth one line (and the output that explains it), not a stack trace. */
class Stop extends Error {}

// ---------------------------------------------------------------------------------------------
// Options and time limits.

const USAGE = "usage: npm run load -- [--duration <seconds, 1-600, default 10>] [--connections <1-1024, default 16>]";

const integerOption = (value: string | undefined, name: string, fallback: number, min: number, max: number): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max)
    throw new Stop(`--${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(value)}\n${USAGE}`);
  return parsed;
};

const parseOptions = (): { duration: number; connections: number } => {
  let values: { duration?: string | undefined; connections?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      options: { duration: { type: "string" }, connections: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    throw new Stop(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    duration: integerOption(values.duration, "duration", 10, 1, 600),
    connections: integerOption(values.connections, "connections", 16, 1, 1024),
  };
};

const LIMITS_MS = {
  build: 60_000,
  bundle: 120_000,
  serverReady: 30_000,
  preflightRequest: 5_000,
  /** Past the run's own duration, before autocannon is stopped. */
  runGrace: 30_000,
  dispose: 15_000,
} as const;
/** autocannon's per-request timeout, in seconds: a response slower than this counts as a timeout. */
const REQUEST_TIMEOUT_S = 5;

/** Rejects after `ms` with a Stop naming `what`. */
const within = <T>(what: string, ms: number, promise: Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Stop(`${what} took longer than ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

// ---------------------------------------------------------------------------------------------
// Everything that must be stopped on the way out.

const children = new Set<ChildProcess>();
let server: Miniflare | null = null;
let load: autocannon.Instance | null = null;
let workDir: string | null = null;

/**
 * Stops whatever is still running, once; safe to call from any exit path. Everything but the
 * server's disposal happens synchronously, first: on a signal, Miniflare's own exit hook (which
 * kills workerd) calls process.exit right after this handler returns, before anything awaited.
 */
let cleaning: Promise<void> | null = null;
const cleanup = (): Promise<void> =>
  (cleaning ??= (async () => {
    load?.stop();
    for (const child of children) killGroup(child);
    if (workDir !== null) rmSync(workDir, { recursive: true, force: true });
    if (server !== null) {
      const stopping = server;
      server = null;
      await within("stopping the server", LIMITS_MS.dispose, stopping.dispose()).catch((error: unknown) =>
        console.error(`load: ${String(error)}`),
      );
    }
  })());

const killGroup = (child: ChildProcess): void => {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
};

// Anything thrown outside the main sequence (a library's callback, say) stops the run the same way.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.once(event, (error: unknown) => {
    console.error(`load: ${event}:`, error);
    void cleanup().finally(() => process.exit(1));
  });
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
for (const [signal, code] of Object.entries(SIGNALS)) {
  process.once(signal, () => {
    console.error(`\nload: ${signal}, stopping the server`);
    void cleanup().finally(() => process.exit(code));
  });
}

// ---------------------------------------------------------------------------------------------
// Build, bundle, serve.

/** Runs a project tool in its own process group, with the project's bin first on PATH and a time limit. */
const run = (
  what: string,
  command: string,
  args: readonly string[],
  limitMs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PATH: `${BIN}${delimiter}${process.env["PATH"] ?? ""}`,
        ...QUIET_WRANGLER,
        ...env,
      },
    });
    children.add(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Stop(`${what} took longer than ${limitMs / 1000} s:\n${output}`));
    }, limitMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new Stop(`${what} could not start: ${error.message}`));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(output);
      else reject(new Stop(`${what} failed (${code ?? signal}):\n${output}`));
    });
  });

const compatibilityDate = (): string => {
  const match = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "wrangler.toml"), "utf8"));
  if (!match?.[1]) throw new Stop("wrangler.toml has no compatibility_date");
  return match[1];
};

/** Builds the production manifest and bundles the Worker as a deploy would; returns the bundle's folder. */
const bundleProductionWorker = async (dir: string): Promise<string> => {
  process.stdout.write(
    (await run("the production build", "node", [join(ROOT, GENERATOR)], LIMITS_MS.build)).trim() + "\n",
  );
  const out = join(dir, "bundle");
  const dryRun = await run(
    "wrangler deploy --dry-run",
    join(BIN, "wrangler"),
    ["deploy", "--dry-run", "--outdir", out],
    LIMITS_MS.bundle,
    { XDG_CONFIG_HOME: join(dir, "xdg") },
  );
  const upload = UPLOAD_RE.exec(dryRun)?.[0];
  console.log(`bundled the Worker with wrangler deploy --dry-run${upload ? ` (${upload})` : ""}`);
  return out;
};

/** Serves the bundle in workerd through Miniflare, on a free port of 127.0.0.1; returns its origin. */
const serve = async (bundle: string): Promise<string> => {
  server = new Miniflare(
    convertV4MiniflareOptions({
      host: HOST,
      port: 0,
      scriptPath: join(bundle, "index.js"),
      modules: true,
      modulesRoot: bundle,
      compatibilityDate: compatibilityDate(),
      // The essays' bodies, read from public/ as the assets layer would hand them to the Worker.
      serviceBindings: { ASSETS: { disk: { path: join(ROOT, "public"), writable: false } } },
      // No fetch of a real `cf` object from Cloudflare, and only warnings and errors in the output.
      cf: false,
      log: new Log(LogLevel.WARN),
    }),
  );
  const url = await within("starting workerd", LIMITS_MS.serverReady, server.ready);
  if (url.hostname !== HOST) throw new Stop(`workerd listens on ${url.hostname}, not ${HOST}`);
  return url.origin;
};

// ---------------------------------------------------------------------------------------------
// The mix: every URL with the status it must answer.

interface Target {
  readonly label: string;
  readonly path: string;
  readonly status: 200 | 301 | 304 | 404;
  readonly headers?: Readonly<Record<string, string>>;
  /** A 301's Location. */
  readonly location?: string;
}

const fetchWithin = (origin: string, path: string, headers: Readonly<Record<string, string>> = {}): Promise<Response> =>
  fetch(`${origin}${path}`, { headers, redirect: "manual", signal: AbortSignal.timeout(LIMITS_MS.preflightRequest) });

/** The essays and a tag to load, from the site's own JSON Feed: the newest and the oldest essay it lists. */
const discover = async (origin: string): Promise<{ essays: [string, string]; tag: string }> => {
  const response = await fetchWithin(origin, "/writing/feed.json");
  if (response.status !== 200) throw new Stop(`/writing/feed.json answered ${response.status}, not 200`);
  const feed = (await response.json()) as { items?: { url?: string; tags?: string[] }[] };
  const items = feed.items ?? [];
  const paths = items
    .map((item) => new URL(item.url ?? "", "https://invalid.example").pathname)
    .filter((path) => path.startsWith("/writing/"));
  const [newest, oldest] = [paths[0], paths.at(-1)];
  const tag = items.flatMap((item) => item.tags ?? [])[0];
  if (newest === undefined || oldest === undefined) throw new Stop("the JSON Feed lists no essay to load");
  if (tag === undefined) throw new Stop("no essay has a tag: the mix needs a tag page");
  return { essays: [newest, oldest], tag };
};

const mixFor = async (origin: string): Promise<Target[]> => {
  const { essays, tag } = await discover(origin);
  const etag = async (path: string): Promise<string> => {
    const value = (await fetchWithin(origin, path)).headers.get("etag");
    if (value === null) throw new Stop(`${path} has no ETag to revalidate with`);
    return value;
  };
  return [
    { label: "home", path: "/", status: 200 },
    { label: "index", path: "/writing/", status: 200 },
    { label: "essay (newest)", path: essays[0], status: 200 },
    { label: "essay (oldest)", path: essays[1], status: 200 },
    { label: "page", path: "/about/", status: 200 },
    { label: "tag page", path: `/tags/${encodeURIComponent(tag)}/`, status: 200 },
    { label: "Atom feed", path: "/writing/feed.xml", status: 200 },
    { label: "RSS feed", path: "/writing/rss.xml", status: 200 },
    { label: "JSON Feed", path: "/writing/feed.json", status: 200 },
    { label: "304 home", path: "/", status: 304, headers: { "If-None-Match": await etag("/") } },
    { label: "304 essay", path: essays[0], status: 304, headers: { "If-None-Match": await etag(essays[0]) } },
    {
      label: "304 Atom feed",
      path: "/writing/feed.xml",
      status: 304,
      headers: { "If-None-Match": await etag("/writing/feed.xml") },
    },
    { label: "404 page", path: "/no-such-page/", status: 404 },
    { label: "404 essay", path: "/writing/no-such-essay", status: 404 },
    { label: "301 slash", path: "/about", status: 301, location: "/about/" },
  ];
};

const headerValue = (headers: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined => {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry === undefined ? undefined : String(entry[1]);
};

/** What is wrong with one response to `target`, or null. */
const mismatch = (target: Target, status: number, location: string | undefined): string | null => {
  if (status !== target.status) return `answered ${status}, expected ${target.status}`;
  if (target.location !== undefined && location !== target.location)
    return `redirected to ${location ?? "nowhere"}, expected ${target.location}`;
  return null;
};

/** One request of each target, before any load: a wrong mix would make the figures meaningless. */
const preflight = async (origin: string, mix: readonly Target[]): Promise<void> => {
  const problems: string[] = [];
  for (const target of mix) {
    const response = await fetchWithin(origin, target.path, target.headers);
    await response.arrayBuffer();
    const problem = mismatch(target, response.status, response.headers.get("location") ?? undefined);
    if (problem !== null) problems.push(`${target.label} ${target.path} ${problem}`);
  }
  if (problems.length > 0)
    throw new Stop(`the site does not answer the mix as expected, so no load was sent:\n  ${problems.join("\n  ")}`);
};

// ---------------------------------------------------------------------------------------------
// The load.

interface Tally {
  readonly byStatus: Map<number, number>;
  mismatches: number;
  readonly examples: string[];
}

const runLoad = async (
  origin: string,
  mix: readonly Target[],
  duration: number,
  connections: number,
): Promise<{ result: autocannon.Result; tallies: Tally[] }> => {
  const tallies: Tally[] = mix.map(() => ({ byStatus: new Map(), mismatches: 0, examples: [] }));
  const requests: autocannon.Request[] = mix.map((target, index) => ({
    method: "GET",
    path: target.path,
    headers: { ...target.headers },
    onResponse: (status, _body, _context, headers) => {
      const tally = tallies[index];
      if (tally === undefined) return;
      tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
      const problem = mismatch(target, status, headerValue(headers, "location"));
      if (problem !== null) {
        tally.mismatches += 1;
        if (tally.examples.length < 3 && !tally.examples.includes(problem)) tally.examples.push(problem);
      }
    },
  }));
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    load = autocannon(
      { url: origin, connections, duration, timeout: REQUEST_TIMEOUT_S, requests },
      (error: unknown, result) => {
        load = null;
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(result);
      },
    );
  });
  const result = await within(`the ${duration} s load run`, duration * 1000 + LIMITS_MS.runGrace, finished).catch(
    (error: unknown) => {
      load?.stop();
      throw error;
    },
  );
  return { result, tallies };
};

// ---------------------------------------------------------------------------------------------
// The report.

const table = (rows: readonly (readonly string[])[]): string => {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join("  "),
    )
    .join("\n");
};

const report = (
  result: autocannon.Result,
  mix: readonly Target[],
  tallies: readonly Tally[],
  connections: number,
): boolean => {
  const { latency, requests, throughput } = result;
  const statuses = new Map<number, number>();
  for (const tally of tallies)
    for (const [status, count] of tally.byStatus) statuses.set(status, (statuses.get(status) ?? 0) + count);
  const responses = [...statuses.values()].reduce((sum, count) => sum + count, 0);
  const mismatches = tallies.reduce((sum, tally) => sum + tally.mismatches, 0);
  const ms = (value: number): string => value.toFixed(2);

  console.log(`\n${result.duration.toFixed(1)} s, ${connections} connections, ${mix.length} URLs in rotation`);
  console.log(
    table([
      ["", "avg", "stddev", "min", "max"],
      [
        "requests/s",
        requests.average.toFixed(0),
        requests.stddev.toFixed(0),
        String(requests.min),
        String(requests.max),
      ],
      [
        "throughput MiB/s",
        (throughput.average / 2 ** 20).toFixed(2),
        (throughput.stddev / 2 ** 20).toFixed(2),
        (throughput.min / 2 ** 20).toFixed(2),
        (throughput.max / 2 ** 20).toFixed(2),
      ],
    ]),
  );
  console.log(
    table([
      ["latency ms", "p50", "p90", "p99", "p99.9", "max", "avg"],
      ["", ms(latency.p50), ms(latency.p90), ms(latency.p99), ms(latency.p99_9), ms(latency.max), ms(latency.average)],
    ]),
  );
  console.log(
    `responses ${responses} (${result.requests.sent} sent), ${(result.throughput.total / 2 ** 20).toFixed(1)} MiB`,
  );
  console.log(
    `errors ${result.errors}, timeouts ${result.timeouts} (over ${REQUEST_TIMEOUT_S} s), non-2xx ${result.non2xx}`,
  );
  console.log(
    `by status: ${[...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(", ")}`,
  );
  console.log(
    "\n" +
      table([
        ["url", "path", "expected", "responses", "mismatches"],
        ...mix.map((target, index) => {
          const tally = tallies[index];
          const got = [...(tally?.byStatus ?? [])].map(([status, count]) => `${status}×${count}`).join(" ");
          return [target.label, target.path, String(target.status), got || "none", String(tally?.mismatches ?? 0)];
        }),
      ]),
  );

  const failures = [
    ...(result.errors > 0 ? [`${result.errors} connection errors`] : []),
    ...(result.timeouts > 0 ? [`${result.timeouts} timeouts`] : []),
    ...(responses === 0 ? ["no response at all"] : []),
    ...tallies.flatMap((tally, index) =>
      tally.mismatches > 0
        ? [`${mix[index]?.label} ${mix[index]?.path}: ${tally.mismatches} unexpected (${tally.examples.join("; ")})`]
        : [],
    ),
  ];
  if (failures.length > 0) {
    console.error(`\nFAIL: ${failures.join("\n      ")}`);
    return false;
  }
  console.log(
    `\nOK: every one of ${responses} responses had the expected status (${mismatches} mismatches), no errors, no timeouts`,
  );
  return true;
};

// ---------------------------------------------------------------------------------------------

const main = async (): Promise<boolean> => {
  const { duration, connections } = parseOptions();
  workDir = mkdtempSync(join(tmpdir(), "fmlops-load-"));
  const bundle = await bundleProductionWorker(workDir);
  const origin = await serve(bundle);
  console.log(`serving the production bundle in workerd (Miniflare) at ${origin}`);
  const mix = await mixFor(origin);
  await preflight(origin, mix);
  console.log(
    `load: ${duration} s, ${connections} connections, ${mix.length} URLs, per-request timeout ${REQUEST_TIMEOUT_S} s …`,
  );
  const { result, tallies } = await runLoad(origin, mix, duration, connections);
  return report(result, mix, tallies, connections);
};

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(error instanceof Stop ? `load: ${error.message}` : error);
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
