// Servers the bench starts, each on a free port of 127.0.0.1 and stopped by its PID: any command that
// serves HTTP (npm run dev, hugo server), a bundled Worker in `workerd serve` itself (a config of our
// own: no wrangler, no Miniflare proxy in front), and nginx serving captured bytes from disk.

import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../test/support/dev-server.ts";
import type { Captured } from "./site.ts";
import { groupCpuMs, type StartOptions, sleep, start, stop, tempDir } from "./util.ts";

const WORKERD = fileURLToPath(new URL("../../node_modules/.bin/workerd", import.meta.url));

export interface Server {
  readonly name: string;
  readonly origin: string;
  /** What it printed so far. */
  readonly output: () => string;
  /** CPU time (ms) its processes have used so far. */
  readonly cpuMs: () => number;
  readonly stop: () => Promise<void>;
}

interface ServerOptions extends StartOptions {
  readonly readyTimeoutMs?: number;
  /** Run once the server has stopped (a temp folder to remove). */
  readonly after?: () => void;
}

/** Starts a server and waits until its `/` answers 200; stops it if it never does. */
export const startServer = async (
  name: string,
  origin: string,
  command: string,
  args: readonly string[],
  { readyTimeoutMs = 30_000, after = () => {}, ...options }: ServerOptions,
): Promise<Server> => {
  const { child, output } = start(command, args, options);
  const server = {
    name,
    origin,
    output,
    cpuMs: () => groupCpuMs(child.pid ?? -1),
    stop: () => stop(child).then(after),
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (child.exitCode === null && Date.now() < deadline) {
    const response = await fetch(origin).catch(() => null);
    await response?.arrayBuffer();
    if (response?.status === 200) return server;
    await sleep(50);
  }
  await server.stop();
  throw new Error(`${name} did not answer within ${readyTimeoutMs / 1000} s:\n${output().slice(-4000)}`);
};

/**
 * Serves one ES module Worker (wrangler's dry-run output) with `workerd serve`; with `assetsDir`, its
 * ASSETS binding reads that folder (workerd's disk service, standing in for Cloudflare's assets layer).
 */
export const serveWorkerd = async (
  name: string,
  bundle: string,
  compatibilityDate: string,
  assetsDir?: string,
): Promise<Server> => {
  const { dir, remove } = tempDir("fmlops-workerd-");
  copyFileSync(bundle, join(dir, "index.js"));
  const port = await freePort();
  writeFileSync(
    join(dir, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker)${assetsDir === undefined ? "" : `, (name = "assets", disk = (path = ${JSON.stringify(assetsDir)}))`} ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "index.js", esModule = embed "index.js") ],
  compatibilityDate = "${compatibilityDate}",${
    assetsDir === undefined
      ? ""
      : `
  bindings = [ (name = "ASSETS", service = "assets") ],`
  }
);
`,
  );
  return startServer(name, `http://127.0.0.1:${port}`, WORKERD, ["serve", "config.capnp"], {
    cwd: dir,
    after: remove,
  });
};

/** nginx serving the captured 200 bodies at their paths and the 404 page as its error page, with its own headers. */
export const serveNginx = async (captured: readonly Captured[]): Promise<Server> => {
  const { dir, remove } = tempDir("fmlops-nginx-");
  chmodSync(dir, 0o755);
  const root = join(dir, "root");
  for (const { route, status, body } of captured) {
    if (status !== 200 && status !== 404) continue;
    const path = status === 404 ? "/404.html" : route.path.endsWith("/") ? `${route.path}index.html` : route.path;
    mkdirSync(dirname(join(root, path)), { recursive: true, mode: 0o755 });
    writeFileSync(join(root, path), body, { mode: 0o644 });
  }
  const port = await freePort();
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `${kind}_temp_path ${dir}/${kind};`);
  writeFileSync(
    join(dir, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root root;\n" : ""}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type text/html;
  access_log off;
  sendfile on;
  ${temp.join("\n  ")}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location = /writing/feed.xml { types { } default_type "application/atom+xml; charset=utf-8"; }
    error_page 404 /404.html;
  }
}
`,
  );
  return startServer("nginx", `http://127.0.0.1:${port}`, "nginx", ["-p", dir, "-c", join(dir, "nginx.conf")], {
    cwd: dir,
    after: remove,
  });
};
