// Section 4's first request: the essay asked for once on a freshly started workerd, ours beside the
// constant Worker. Ours reads the essay's body through its ASSETS binding on that request and renders
// it; every later request is answered from its memo, which the loads measure.

import type { Server } from "./serve.ts";
import { alternating, log } from "./util.ts";

/** Starts a server (which answers `/` before it counts as up), times one GET of `path`, stops it. */
const firstGet = async (start: () => Promise<Server>, path: string): Promise<number> => {
  const server = await start();
  try {
    const began = performance.now();
    const response = await fetch(`${server.origin}${path}`);
    await response.arrayBuffer();
    const ms = performance.now() - began;
    if (response.status !== 200) throw new Error(`${server.name}: the first ${path} answered ${response.status}`);
    return ms;
  } finally {
    await server.stop();
  }
};

/** Per round (alternating which goes first), ms of each side's first GET of `path`. */
export const firstRequests = async (
  ours: () => Promise<Server>,
  constant: () => Promise<Server>,
  path: string,
  rounds: number,
): Promise<{ ours: number[]; constant: number[] }> => {
  const times = { ours: [] as number[], constant: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    log(`  the first essay request on fresh servers, round ${round + 1} of ${rounds}`);
    const [a, b] = await alternating(
      round,
      () => firstGet(ours, path),
      () => firstGet(constant, path),
    );
    times.ours.push(a);
    times.constant.push(b);
  }
  return times;
};
