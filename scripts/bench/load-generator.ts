// A bounded load against one URL: wrk (one thread) when installed, else autocannon; requests/s,
// latency and how many answers were not the status expected.

import { tmpdir } from "node:os";
import autocannon from "autocannon";
import { onPath } from "../../test/support/system-tool.ts";
import { run } from "./util.ts";

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers with another status than the expected one, and socket errors. */
  readonly unexpected: number;
}

export interface LoadOptions {
  readonly seconds: number;
  readonly connections: number;
}

export const loadTool = (): "wrk" | "autocannon" => (onPath("wrk") ? "wrk" : "autocannon");

const wrkMs = (text: string | undefined): number => {
  const [, value, unit] = /^([\d.]+)(us|ms|s)$/.exec(text ?? "") ?? [];
  return Number(value) * (unit === "us" ? 0.001 : unit === "s" ? 1000 : 1);
};

export const load = async (
  url: string,
  headers: Readonly<Record<string, string>>,
  expectedStatus: number,
  { seconds, connections }: LoadOptions,
): Promise<LoadResult> => {
  if (loadTool() === "autocannon") {
    const result = await autocannon({ url, connections, duration: seconds, headers: { ...headers } });
    const total = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
    const expected = result[`${Math.floor(expectedStatus / 100)}xx` as "2xx" | "3xx" | "4xx"];
    return {
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      unexpected: total - expected + result.errors,
    };
  }
  const header = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...header, url];
  const { status, output } = await run("wrk", args, { cwd: tmpdir(), timeoutMs: (seconds + 30) * 1000 });
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)?.[1];
  if (status !== 0 || rps === undefined) throw new Error(`wrk failed on ${url}:\n${output}`);
  // wrk counts 2xx and 3xx as fine, so on the 404 route its "Non-2xx or 3xx" are the expected answers.
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output) ?? [];
  return {
    requestsPerSecond: Number(rps),
    p50Ms: wrkMs(/^\s+50%\s+(\S+)/m.exec(output)?.[1]),
    p99Ms: wrkMs(/^\s+99%\s+(\S+)/m.exec(output)?.[1]),
    unexpected: (expectedStatus >= 400 ? 0 : non2xx) + socket.slice(1).reduce((sum, n) => sum + Number(n), 0),
  };
};
