// `node scripts/bench/capture-all.ts <project copy> <its bundled Worker> <worker.js>`, run by section 5 as a
// child process (its own heap, freed when it exits): writes the constant-bytes Worker holding everything
// the copy's Worker serves for its posts: home, /writing/, the Atom feed, the 404, every essay page and its .md.

import { writeFileSync } from "node:fs";
import { type Captured, capture, constantWorkerSource, withSite } from "./site.ts";

const [dir, module, out] = process.argv.slice(2);
if (dir === undefined || module === undefined || out === undefined)
  throw new Error("usage: capture-all.ts <project copy> <its bundled Worker> <worker.js>");
const captured = await withSite(dir, module, async (site) => {
  const paths = ["/", "/writing/", "/writing/feed.xml", "/writing/no-such-essay-for-the-bench"];
  for (const { slug } of site.manifest.essays) paths.push(`/writing/${slug}`, `/writing/${slug}.md`);
  const answers: Captured[] = [];
  for (const path of paths) {
    const entry = await capture(site, { name: path, path, headers: {} });
    if (entry.status !== (path.includes("no-such") ? 404 : 200)) throw new Error(`${path} answered ${entry.status}`);
    answers.push(entry);
  }
  return answers;
});
writeFileSync(out, constantWorkerSource(captured));
console.log(`captured ${captured.length} answers`);
