// The bench's section of BENCHMARKS.md: machine, method, one results table per section, the
// ratio against each target, and what limits the figures. Generated from a full run.

import { BUILD_TARGET } from "./build-speed.ts";
import { FREE_LIMIT_KIB, PAID_LIMIT_KIB, STARTUP_JUDGED_AT, STARTUP_TARGET } from "./bundle.ts";
import { buildSection, bundleSection, machineLine, requestSection, summaryTable, weightSection, type Results, type Summary } from "./report.ts";
import { fixed } from "./util.ts";

const busy = (rows: Results["build"]["rows"]): string => {
  const parts = rows
    .filter((row) => row.oursCpu !== null)
    .map((row) => {
      const ours = `ours ${fixed(row.oursCpu)} CPU-s in ${fixed(row.oursSeconds)} s (${fixed((row.oursCpu ?? 0) / row.oursSeconds, 1)} cores busy)`;
      const hugo = row.hugoCpu !== null && row.hugoSeconds !== null ? `, Hugo ${fixed(row.hugoCpu)} in ${fixed(row.hugoSeconds)} s (${fixed(row.hugoCpu / row.hugoSeconds, 1)})` : "";
      return `at N=${row.n}, ${ours}${hugo}`;
    });
  return parts.length === 0 ? "CPU time was not measured (/usr/bin/time is missing)." : `CPU (user + system) against wall time: ${parts.join("; ")}.`;
};

const rebuildLine = (results: Results): string => {
  const r = results.build.rebuild;
  if (!r) return "";
  return `The rebuild after one edit renders one post and writes the body module of its group (the other bodies of the group taken from the old one) and the manifest module (facts only, about 2 MB at N=1000); it still reads and hashes every post, parses every cache entry and checks every link: ${fixed(r.warmSeconds)} s of ${fixed(r.coldSeconds)} s.`;
};

const feedLine = (results: Results): string => {
  const feeds = results.request.rows.filter((row) => row.route === "feed.xml");
  if (feeds.length < 2) return "";
  const [small, large] = [...feeds].sort((a, b) => a.bytes - b.bytes);
  if (!small || !large || large.ratio <= small.ratio) return "";
  return ` The ratio grows with the body: the Atom feed is ${large.bytes.toLocaleString("en-US")} bytes for ${large.corpus} posts (${fixed(large.ratio)}×) against ${small.bytes.toLocaleString("en-US")} for ${small.corpus} posts (${fixed(small.ratio)}×), so part of the real app's cost is proportional to the bytes it sends, which the constant app has ready as bytes.`;
};

/** What CPU profiles showed (dated: the code moves on). */
const PROFILE_NOTE_BUILD = `Where the build's time went in CPU profiles taken on 2026-11-25 (N=1000, \`node --cpu-prof
src/build/main.js\`, the entry then called \`main.ts\`). Cold, before the changes below: about a third in Markdown rendering (marked), an
eighth each in making the feed copy's URLs absolute (htmlparser2, \`feed-html.ts\`) and in highlight.js,
about a tenth in \`servedFingerprint\` (\`JSON.stringify\` of each whole essay), 8% each in front matter and
in serialising the whole 38 MB manifest. A warm build then took 1.1 s: 300 ms serialising the manifest,
170 ms reading the bodies back from the cache, 160 ms of garbage collection, 85 ms starting esbuild for
the stylesheet, 80 ms writing the module. Changes since: (1) each post's bodies are in a body module
of their own (\`src/generated/bodies/<render key>.ts\`), written by whichever thread rendered the post and
only when missing; the manifest module holds the facts and imports the bodies, and the cache holds facts
without bodies, so an unchanged post costs a small read and nothing else. (2) The minified stylesheet and
the security headers are memoised under the hash of their inputs, so a rebuild starts neither esbuild nor
Hono. (3) With the cache on, the entry runs the build compiled by esbuild into two JavaScript modules
(\`.cache/compiled/<hash>/\`, minified, rebuilt when a build source or an installed package
changes, with V8's code cache beside it): loading it takes under 0.1 s where stripping the types of and
resolving some eighty TypeScript modules took about 0.25 s. (4) Each render worker holds a second chunk of posts, so it no longer idles while the main thread
finishes its own chunk (about 0.35 s of idle worker time at N=1000 before). (5) The feed copy rewrites
only the URL attributes in place with htmlparser2's tokenizer instead of building and serialising a
document (about 40% less time in that step); and since that copy now differs from the HTML only in
those attributes, the manifest ships it only for an essay where the Worker's string rewrite of the HTML
would give other bytes (none of this corpus), which takes a third off the bytes a cold build writes
and the Worker bundles (27 MB instead of 40 at N=1000). That cold build then wrote a thousand body modules where it had
written one module, and creating a file costs this machine's disk about 0.6 ms (1,000 files of 27 KB took
0.60–0.65 s in a side-by-side test, 32 files of 850 KB 0.03 s). (6) So a body module now holds a group of
posts: 64 groups, chosen by a hash of the post's file name, each module named by the render keys of its
posts and written after the checks pass, with only what the manifest publishes. A cold build at N=1000
creates 64 files: 1.8–2.2 s where it took 2.7–3.1 s a few minutes before, and a rebuild after one edit writes
the one module of its group, taking the unedited bodies from the old one. (7) The build's entry,
\`src/build/main.js\`, and the two modules it imports are JavaScript (checked through JSDoc): Node loads its
TypeScript stripper, about 40 ms, at the first \`.ts\` module it meets, and a rebuild that runs the
compiled build now meets none (0.30 s against 0.34 s, medians of 15 alternating runs). (8) The feed
copy is parsed only for a post with raw HTML or an entity in a URL attribute: for the renderer's own
markup the string rewrite gives the parser's bytes (a test holds this for every fixture post, real post
and 60 corpus essays), and parsing had been an eighth of the cold build's CPU. (9) The render cache is
one file with a line per entry, appended to, where it was a file per entry; each post's bytes are
hashed once, into its render key, which the input hash is now made of. (10) The compiled build is
CommonJS, run through \`vm.Script\` with V8's code cache written after the first rebuild (a build that
renders one to eight posts): Node's own cache for modules holds only what compiling a module's top level compiles, so every
function a rebuild called was compiled again on each run (about 0.02 s: 0.24 s against 0.22 s, medians
of 15 alternating rebuilds); the compiled modules may require only Node's modules and esbuild, so
js-yaml's optional esprima is no longer loaded; zod is imported as a namespace, which lets esbuild
leave out its locales (the compiled CLI went from 742 KB to 382 KB). A rebuild after one edit,
timed phase by phase after (10) (wall clock, about 0.21 s): 0.03 s starting Node and the entry;
0.03 s hashing the build's sources and loading the compiled build (0.02 s of it the libraries' own
start-up: marked builds its regular expressions, highlight.js its languages); 0.02 s reading the
thousand posts and 0.01 s hashing them; 0.025 s opening and parsing the cache and the body modules'
key lists; 0.025 s rendering the one post (its code compiled, but neither optimised nor its regular
expressions compiled); 0.03 s in the checks across posts; 0.01 s the group's body module; 0.01 s the
manifest module; 0.01 s writing; and about 0.015 s for Node to exit. (11) A cold build of at
least 64 posts starts its render worker before it loads the TypeScript sources, so the worker loads
its own (about 0.2 s) beside the main thread instead of while the main thread renders alone: at
N=1000, 1.61 s against 1.68 s (medians of 8 alternating runs; 1.81 against 1.95 s in a busier
hour), at N=100 0.90 s against 1.01 s. Below 64 posts the pool uses no worker, and one loading
beside the main thread slowed a five-post build from 0.47 to 0.6 s, so none is started.
The cold build is measured from the TypeScript sources with no cache and no generated modules.`;

const PROFILE_NOTE_REQUEST = `Where a request's time went in a CPU profile taken on 2026-11-25 (Node, the site's own posts, a
304 of an essay, 300,000 requests): most of it in undici building the \`Request\` and a \`Response\`
with its sixteen headers (each header name and value checked and copied), which the constant app does
too. The app's own share was about 6%, and half of it Hono's PatternRouter, which tests every route's
pattern in turn (the \`.md\` route's, \`[a-z0-9]+(?:-[a-z0-9]+)*\\.md\`, backtracks through the whole
slug of an essay path before it fails, about 150 ns). The app now registers one handler with Hono and
asks a PatternRouter of its routes only when an epoch meets a path for the first time: every answer
(headers, security headers included, and encoded body) is made once per epoch and path, so a later
request picks it from a map without matching any pattern, and a path that sitePaths() does not list
goes to the fallback without one either. Measured alone in a fresh process on 2026-11-25, two runs of
each side by side, the section for the site's own posts went from 1.12–1.15× to 1.02–1.05× (304),
1.07–1.14× to 1.04–1.05× (home), 1.05–1.07× to 1.03–1.06× (essay) and 1.07–1.09× to 1.03× (404); the
feed, whose cost is mostly its bytes, stayed at 1.01–1.08×. What is left is the checks every request
passes first (host, clock, spelling) and picking the memoised answer and replying.`;

const planReach = (results: Results): string => {
  const list = listPart(results);
  const code = results.bundle.code;
  if (!list || !code) return "";
  const reach = (limitKiB: number): string => Math.round(((limitKiB - code.gzipKiB) * 1024) / list.gzip).toLocaleString("en-US");
  return `With the code part at ${fixed(code.gzipKiB, 1)} KiB gzip, the list part alone would reach ${FREE_LIMIT_KIB / 1024} MiB at about ${reach(FREE_LIMIT_KIB)} essays and ${PAID_LIMIT_KIB / 1024} MiB at about ${reach(PAID_LIMIT_KIB)} (by the same linear measure; startup, which grows with the module, is the other limit to watch).`;
};

const listPart = (results: Results): { n: number; raw: number; gzip: number } | null => {
  const row = results.bundle.rows.at(-1);
  return row ? { n: row.n, raw: row.listPart.rawBytesPerEssay, gzip: row.listPart.gzipBytesPerEssay } : null;
};

export const benchmarksSection = (results: Results, summary: readonly Summary[]): string => {
  const met = summary.filter((row) => row.met === true).length;
  const missed = summary.filter((row) => row.met === false);
  const biggest = results.bundle.rows.at(-1);
  const perPostKiB = biggest && results.bundle.code ? (biggest.gzipKiB - results.bundle.code.gzipKiB) / biggest.n : null;
  const essayRaw = results.weight?.pages.find((page) => page.page === "essay");
  const list = listPart(results);
  return `## \`npm run bench\`: the site against real anchors (issue 7)

\`npm run bench\` measures the site against the tools its users would otherwise pick, side by side in one
run on one machine, and prints the tables below; \`npm run bench -- --quick\` (N=100 only, fewer
repetitions, about a minute) checks that the bench itself works and is what CI can afford. Misses are
reported, never failures: the exit code is non-zero only when the bench broke. Targets live here and in
the bench, never in timed tests. This section is generated by a full run (\`scripts/bench/\`); the run
below took ${Math.round(results.seconds)} s on ${results.date}.

Machine: ${machineLine(results)} The machine is shared with other sessions (tests, browsers, builds), so
absolute figures move by tens of percent between runs; every comparison is made side by side
(alternating which goes first) and reported as a median ratio.

### Targets: ${met} met, ${missed.length} missed

${summaryTable(summary)}

### 1. Build speed vs Hugo

Method: \`scripts/bench/corpus.ts\` writes N seeded essays (about 1,500 words, five \`##\` sections, a
list, a blockquote, a TypeScript and a Bash block, inline code, links to earlier essays, a footnote,
one to three of thirty tags) into a throwaway copy of the project (\`copyProject({ posts })\`). A cold
build is \`node src/build/main.js --no-cache\` with \`<copy>/.cache\` and \`<copy>/src/generated\` deleted first (all features on:
highlighting, footnotes, anchors, validation, link checks). Hugo builds a minimal site the bench writes
to a temp dir from the same bodies (a \`date\` in front matter; base, essay, list, terms and home
templates; tag pages; RSS with the newest 20 essays in full; Chroma highlighting with classes;
Goldmark footnotes; a table of contents): \`hugo --quiet\` to a fresh destination with a fresh
\`--cacheDir\`. Ours and Hugo alternate, ${results.build.rows.map((row) => `${row.runs} rounds at N=${row.n}`).join(", ")};
wall-clock medians, the ratio is the median of the per-round ratios; CPU is user + system time from
\`/usr/bin/time\`. The rebuild: one build with the cache from empty, one edit rebuilt unmeasured (the first rebuild
keeps V8's code cache for the compiled build, which every later one reads), then one post edited (a
sentence inserted) and rebuilt with the cache, ${results.build.rebuild?.runs ?? "several"} times, median. The target (ratio ≤ ${BUILD_TARGET.toFixed(1)})
is judged at N=1000 and N=5000.

${buildSection(results)}

What limits the figures: ${busy(results.build.rows)} A busy figure below 2 on this 2-core machine means
waiting: for the machine's other sessions (the load average was ${results.machine.loadAtStart} at the start), for the
disk, or for a part of the work that runs on one core. ${rebuildLine(results)} Node's own start-up and
module loading are a fixed cost of about 0.3 s per cold build (about 0.06 s with the compiled build a
rebuild runs), which is most of a build at N=100.

${PROFILE_NOTE_BUILD}

### 2. Request cost vs constant bytes

Method, in process: in the N=100 copy and in a copy with the site's own posts, the bench imports the
copy's \`src/worker/app.ts\` and generated manifest and calls \`createApp(manifest).fetch(request)\`,
reading the body. The baseline is a Hono app answering each route with the status, headers and body
captured from the real app (the body as bytes, checked identical before timing). After a warm-up of
every route, then of the route measured,
real and baseline run in alternating batches of about ${results.plan.batchMs} ms (which goes first alternates);
the figure is the median time per request and the median of the per-batch ratios. Under load: the
site's own Worker, bundled by \`wrangler deploy --dry-run\`, served by \`workerd serve\` itself with a
config of the bench's own (no wrangler, no Miniflare proxy) on 127.0.0.1; beside it the constant-bytes
Worker (the same captured answers as string constants encoded once, in a Hono app bundled the same way)
and nginx (one worker process, access log off) serving the same bodies from disk with its own
headers and ETag. One load at a time, bounded: ${results.request.load ? `${results.request.load.tool}, one thread, ${results.request.load.connections} connections, ${results.request.load.seconds} s` : "n/a"}.

${requestSection(results)}

What limits the figures: in process, a request to either app costs tens of microseconds, most of it
building a \`Request\` and a \`Response\` and reading the body, so what the real app does on top shows as a
large ratio even when it is a few microseconds.${feedLine(results)} Under load, the load generator, workerd
and nginx share two cores with the machine's other sessions, and nginx's figure is bounded by the load
generator rather than by nginx. A 304 and a 404 move almost no bytes: they measure per-request
overhead only.

${PROFILE_NOTE_REQUEST}

### 3. Bundle size and startup vs post count

Method: in each corpus copy, one \`wrangler deploy --dry-run --outdir … --outfile x.bundle --metafile …\`
gives the upload size as wrangler prints it, the manifest's share of the bundle (esbuild's metafile:
bytes from \`src/generated/\`), and the \`x.bundle\` that \`wrangler check startup --workerBundle\` wants.
The constant-bytes Worker for this section holds what the site serves for that corpus as string
constants (every essay page and its \`.md\` source, home, \`/writing/\`, the Atom feed, the 404, captured
from the real app) in a Hono app, bundled by the same dry run. Startup is \`wrangler check startup\`'s
"Profile window" (from the start of the startup phase to its end, parsing and compiling the script
included); "Active" (non-idle CPU samples) is shown beside it. Ours and the constant Worker alternate,
${results.plan.startupRuns} run(s) each, median of the per-run ratios; the target (≤ ${STARTUP_TARGET.toFixed(1)}×) is judged at N=${STARTUP_JUDGED_AT}. The code part:
the copy's manifest replaced by an empty one of the same shape (no essays, no pages) and bundled by the
same dry run (with a config that skips the build's freshness check, since that manifest is not the
build's); wrangler's raw and gzip figures are the code part. The limits: a least-squares line through
the gzip sizes against N.

${bundleSection(results)}

What limits the figures: the manifest carries each essay twice (its rendered HTML and the Markdown
source for \`/writing/<slug>.md\`; the feed copy is made from the HTML)${perPostKiB !== null ? `, about ${fixed(perPostKiB)} KiB gzip per essay of this corpus` : ""}, and the
bundle is one module, so both size and startup grow linearly with the number of posts. \`check startup\`
runs the Worker locally, so its times are this machine's, not Cloudflare's.

The plan beyond ${FREE_LIMIT_KIB / 1024} MiB (Free) and ${PAID_LIMIT_KIB / 1024} MiB (Paid): keep only the list part of the manifest in the Worker
(every essay without its bodies: slug, title, dek, summary, tags, dates, fingerprints, table of
contents${list ? `; measured at N=${list.n}: ${fixed(list.raw, 0)} bytes raw, ${fixed(list.gzip, 0)} bytes gzip per essay` : ""}) and move each essay's
rendered HTML and Markdown source (and a feed copy, where it ships one) out of the bundle into static assets the build writes
(e.g. \`public/_essays/<fingerprint>.html\`, named by content, so they never go stale and can be cached
forever), read at request time through the \`ASSETS\` binding (\`env.ASSETS.fetch\`). Static assets do not
count towards the Worker's size limit (Cloudflare documents 20,000 files per Worker version and 25 MiB per
file, and no charge for storing them). ${planReach(results)} The cost, estimated, not measured here: one
assets read per essay page and per feed request (the feed needs 20 bodies, so it would be precomputed
as one asset per epoch by the build), on the order of a millisecond of wall time each and almost none of
the Worker's CPU. The body modules are part of the way there: each post's bodies are already a line of
their own in a module named by content, so the step is to write each as an asset instead (a file per
post again, which this disk makes cost about 0.6 ms each on a cold build); whether such a read counts as a billed request is to be checked against the pricing
page before relying on it. The 304 path, the lists and the 404 are unchanged, because the ETags and
everything list-shaped stay in the manifest.

### 4. Page weight

Method: the site's own posts in a copy, each page fetched from the Worker app in process; the CSS is
the built fingerprinted stylesheet. JavaScript: the bytes of every \`<script>\` that is not
\`type="application/ld+json"\`, inline or by \`src\`. Requests to render: the HTML, plus every
\`<link rel>\` that a browser fetches to render (stylesheet, icon, preload, modulepreload, manifest),
every \`<img>\`, \`<script src>\`, media source, and every \`url(…)\` in the CSS that is not a \`data:\` URI.
An essay's bytes outside its body: the page with the essay's rendered HTML (the manifest's \`html\`,
which the layout inserts verbatim) cut out, gzip, plus the CSS gzip; shown for every essay.

${weightSection(results)}

What limits the figures: gzip is zlib's default level, as a CDN would serve it${essayRaw ? `; the essay page is ${essayRaw.htmlRaw} bytes raw` : ""}.
The favicon is cached for a day and the stylesheet forever (\`immutable\`), so a reader's second page costs
only its HTML.
`;
};
