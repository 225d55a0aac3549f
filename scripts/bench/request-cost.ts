// Section 2, in process: the Worker's fetch handler called directly in Node, body read, against a
// Hono app that hands out the same status, headers and body as constants. Both run in the same
// loop, in alternating batches (which goes first alternates too), so that the machine's noise
// falls on both; the figure per route is the median time per request of each, and the median of
// the per-round ratios.

import { capture, constantApp, request, type Captured, type LoadedSite } from "./site.ts";
import { alternating, median } from "./util.ts";

export interface RouteCost {
  readonly corpus: string;
  readonly route: string;
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
  readonly realNs: number;
  readonly constantNs: number;
  /** Median over rounds of (real / constant) in that round. */
  readonly ratio: number;
}

export const REQUEST_TARGET = 1.1;

export const costMet = (row: RouteCost): boolean => row.ratio <= REQUEST_TARGET;

export interface CostOptions {
  readonly rounds: number;
  /** Roughly how long one batch takes, in ms. */
  readonly batchMs: number;
  readonly warmup: number;
}

const sameResponse = (a: Captured, b: Captured): boolean =>
  a.status === b.status &&
  JSON.stringify(a.headers) === JSON.stringify(b.headers) &&
  a.body.length === b.body.length &&
  a.body.every((byte, i) => byte === b.body[i]);

/** ns per request over `count` requests, each body read to the end. */
const batch = async (fetch: (request: Request) => Promise<Response>, route: Captured["route"], count: number): Promise<number> => {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const response = await fetch(request(route));
    await response.arrayBuffer();
  }
  return Number(process.hrtime.bigint() - started) / count;
};

export const measureRequestCost = async (corpus: string, site: LoadedSite, captured: readonly Captured[], options: CostOptions): Promise<RouteCost[]> => {
  const baseline = constantApp(captured);
  const baselineSite: LoadedSite = { manifest: site.manifest, fetch: baseline };
  const results: RouteCost[] = [];
  // Every route of both apps first: the app's code is shared by its routes (and was last optimised
  // for another section's manifest), so the first route measured would otherwise pay for it.
  for (const entry of captured) {
    await batch(site.fetch, entry.route, options.warmup);
    await batch(baseline, entry.route, options.warmup);
  }
  for (const entry of captured) {
    // The baseline must answer exactly what the real app answers, or the comparison means nothing.
    const again = await capture(site, entry.route);
    const constant = await capture(baselineSite, entry.route);
    if (!sameResponse(entry, again)) throw new Error(`${entry.route.path}: the real app's answer changed between two requests`);
    if (!sameResponse(entry, constant)) throw new Error(`${entry.route.path}: the constant app does not answer what the real app answers`);

    await batch(site.fetch, entry.route, options.warmup);
    await batch(baseline, entry.route, options.warmup);
    const probe = Math.max(await batch(site.fetch, entry.route, 50), await batch(baseline, entry.route, 50));
    const size = Math.min(5000, Math.max(20, Math.round((options.batchMs * 1e6) / probe)));

    const real: number[] = [];
    const constantTimes: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const [r, c] = await alternating(
        round,
        () => batch(site.fetch, entry.route, size),
        () => batch(baseline, entry.route, size),
      );
      real.push(r);
      constantTimes.push(c);
      ratios.push(r / c);
    }
    results.push({
      corpus,
      route: entry.route.name,
      path: entry.route.path,
      status: entry.status,
      bytes: entry.body.length,
      realNs: median(real),
      constantNs: median(constantTimes),
      ratio: median(ratios),
    });
  }
  return results;
};
