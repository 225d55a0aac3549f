// Servers for the load part of section 2, all on 127.0.0.1, each stopped by its PID: a bundled
// Worker in `workerd` itself (a config of our own, no wrangler, no Miniflare proxy), nginx serving
// the same bytes from disk, and a bounded load generator (wrk when installed, else autocannon).

import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { Captured } from "./site.ts";
import { freePort } from "../../test/support/dev-server.ts";
import { onPath } from "../../test/support/system-tool.ts";
import { killGroup, run, tempDir, track, waitFor } from "./util.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const WORKERD = join(ROOT, "node_modules", ".bin", "workerd");

export interface Server {
  readonly name: string;
  readonly origin: string;
  readonly stop: () => void;
}

const started = (command: string, args: readonly string[], cwd: string): { child: ChildProcess; output: () => string } => {
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  track(child);
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output = (output + chunk).slice(-4000)));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output = (output + chunk).slice(-4000)));
  return { child, output: () => output };
};

const ready = async (name: string, origin: string, child: ChildProcess, output: () => string): Promise<void> => {
  try {
    await waitFor(name, async () => {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
      await (await fetch(`${origin}/`)).arrayBuffer();
      return true;
    });
  } catch (error) {
    killGroup(child.pid);
    throw new Error(`${name} did not start: ${error instanceof Error ? error.message : String(error)}\n${output()}`);
  }
};

/** Serves one ES module Worker (a bundle, e.g. wrangler's dry-run index.js) with workerd directly. */
export const serveWorkerd = async (name: string, bundle: string, compatibilityDate: string): Promise<Server> => {
  const temp = tempDir("fmlops-workerd-");
  try {
    return await startWorkerd(name, bundle, compatibilityDate, temp.dir, temp.remove);
  } catch (error) {
    temp.remove();
    throw error;
  }
};

const startWorkerd = async (name: string, bundle: string, compatibilityDate: string, dir: string, remove: () => void): Promise<Server> => {
  copyFileSync(bundle, join(dir, "index.js"));
  const port = await freePort();
  writeFileSync(
    join(dir, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "index.js", esModule = embed "index.js") ],
  compatibilityDate = "${compatibilityDate}",
);
`,
  );
  const { child, output } = started(WORKERD, ["serve", "config.capnp"], dir);
  const origin = `http://127.0.0.1:${port}`;
  await ready(`workerd (${name})`, origin, child, output);
  return {
    name,
    origin,
    stop: () => {
      killGroup(child.pid);
      remove();
    },
  };
};

export const hasNginx = (): boolean => onPath("nginx");

/**
 * nginx serving the captured bodies from disk: each 200 at its path, the 404 page as its error
 * page. One worker process, access log off. Its own headers, ETag and 304 (the physical reference).
 */
export const serveNginx = async (captured: readonly Captured[]): Promise<Server & { readonly etagOf: (path: string) => Promise<string> }> => {
  const temp = tempDir("fmlops-nginx-");
  try {
    return await startNginx(captured, temp.dir, temp.remove);
  } catch (error) {
    temp.remove();
    throw error;
  }
};

const startNginx = async (captured: readonly Captured[], dir: string, remove: () => void): Promise<Server & { readonly etagOf: (path: string) => Promise<string> }> => {
  chmodSync(dir, 0o755);
  const root = join(dir, "root");
  for (const entry of captured) {
    if (entry.status !== 200 && entry.status !== 404) continue;
    const path = entry.status === 404 ? "/404.html" : entry.route.path.endsWith("/") ? `${entry.route.path}index.html` : entry.route.path;
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
    writeFileSync(file, entry.body, { mode: 0o644 });
  }
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  writeFileSync(
    join(dir, "nginx.conf"),
    `${asRoot ? "user root root;\n" : ""}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type text/html;
  access_log off;
  sendfile on;
  client_body_temp_path ${dir}/client;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location = /writing/feed.xml { types { } default_type "application/atom+xml; charset=utf-8"; }
    error_page 404 /404.html;
  }
}
`,
  );
  const { child, output } = started("nginx", ["-p", dir, "-c", join(dir, "nginx.conf")], dir);
  const origin = `http://127.0.0.1:${port}`;
  await ready("nginx", origin, child, output);
  return {
    name: "nginx",
    origin,
    stop: () => {
      killGroup(child.pid);
      remove();
    },
    etagOf: async (path) => {
      const response = await fetch(`${origin}${path}`);
      await response.arrayBuffer();
      return response.headers.get("etag") ?? "";
    },
  };
};

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Responses whose status was not the expected one (or errors). */
  readonly unexpected: number;
}

export interface LoadOptions {
  readonly seconds: number;
  readonly connections: number;
}

const wrkMs = (text: string | undefined): number => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text ?? "");
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
};

export const loadTool = (): "wrk" | "autocannon" => (onPath("wrk") ? "wrk" : "autocannon");

/** A bounded load: `connections` connections for `seconds`, one thread of the generator. */
export const load = async (tool: "wrk" | "autocannon", url: string, headers: Readonly<Record<string, string>>, expectedStatus: number, { seconds, connections }: LoadOptions): Promise<LoadResult> => {
  if (tool === "wrk") {
    const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]), url];
    const result = await run("wrk", args, { cwd: tmpdir(), timeoutMs: (seconds + 30) * 1000 });
    if (result.status !== 0) throw new Error(`wrk failed: ${result.stdout}${result.stderr}`);
    const rps = /Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1];
    const p50 = /^\s+50%\s+(\S+)/m.exec(result.stdout)?.[1];
    const p99 = /^\s+99%\s+(\S+)/m.exec(result.stdout)?.[1];
    // wrk counts 2xx/3xx as fine; a 404 route shows as "Non-2xx or 3xx responses", which is expected there.
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(result.stdout)?.[1] ?? 0);
    const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(result.stdout);
    const socketErrors = errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
    const unexpected = (expectedStatus >= 400 ? 0 : non2xx) + socketErrors;
    return { requestsPerSecond: Number(rps), p50Ms: wrkMs(p50), p99Ms: wrkMs(p99), unexpected };
  }
  const result = await autocannon({ url, connections, duration: seconds, headers: { ...headers } });
  const statusKey = `${Math.floor(expectedStatus / 100)}xx` as "2xx" | "3xx" | "4xx";
  const expected = result[statusKey];
  const total = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, unexpected: total - expected + result.errors };
};
