// Run as a child process by section 3 (its own heap, freed when it exits):
//   node scripts/bench/capture-all.ts <project copy> <constant-worker.js> <json-manifest-worker.js> <list-part.json>
// loads the copy's app around its manifest and writes two Worker modules:
// - the constant-bytes Worker: every essay page and its .md source, home, /writing/, the Atom feed
//   and the 404, exactly as the app answers them, as string constants;
// - the manifest as one JSON string, parsed on the first request (what a lazily parsed manifest
//   would cost at startup), answering only a count;
// and measures the manifest's list part (every essay without its rendered HTML, feed HTML and
// Markdown source: what would stay in the Worker if the bodies moved to static assets).

import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { capture, constantWorkerSource, loadSite, type Captured } from "./site.ts";

const [dir, constantFile, jsonFile, listFile] = process.argv.slice(2);
if (dir === undefined || constantFile === undefined || jsonFile === undefined || listFile === undefined) {
  console.error("usage: node scripts/bench/capture-all.ts <project copy> <constant-worker.js> <json-manifest-worker.js> <list-part.json>");
  process.exit(2);
}

const site = await loadSite(dir);
const captured: Captured[] = [];
for (const path of ["/", "/writing/", "/writing/feed.xml", "/writing/no-such-essay-for-the-bench"]) {
  captured.push(await capture(site, { name: path, path, headers: {} }));
}
for (const essay of site.manifest.essays) {
  captured.push(await capture(site, { name: essay.slug, path: `/writing/${essay.slug}`, headers: {} }));
  captured.push(await capture(site, { name: `${essay.slug}.md`, path: `/writing/${essay.slug}.md`, headers: {} }));
}
const bad = captured.find(({ status, route }) => status !== (route.path.includes("no-such") ? 404 : 200));
if (bad) throw new Error(`${bad.route.path} answered ${bad.status}`);
writeFileSync(constantFile, constantWorkerSource(captured));
writeFileSync(
  jsonFile,
  [
    `const MANIFEST = ${JSON.stringify(JSON.stringify(site.manifest))};`,
    `let manifest;`,
    `export default { fetch() { manifest ??= JSON.parse(MANIFEST); return new Response(String(manifest.essays.length)); } };`,
    ``,
  ].join("\n"),
);
const listPart = JSON.stringify(site.manifest.essays.map(({ html: _html, feedHtml: _feedHtml, markdown: _markdown, ...rest }) => rest));
writeFileSync(listFile, JSON.stringify({ essays: site.manifest.essays.length, rawBytes: Buffer.byteLength(listPart), gzipBytes: gzipSync(listPart).length }));
console.log(`captured ${captured.length} responses`);
