// Section 6: what a reader's browser fetches to render each type of page of the site's own posts,
// read from the Worker's own answers (the app in this process) and the built stylesheet: what the
// HTML and its CSS make it fetch, the scripts it runs, and the bytes a page adds around an essay.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "htmlparser2";
import type { Section, Target } from "./report.ts";
import { type LoadedSite, sampleEssay } from "./site.ts";
import { gzipBytes, kib, table } from "./util.ts";

const OUTSIDE_BODY_TARGET_KIB = 6;
/** The HTML, one stylesheet, the favicon. */
const REQUESTS_TARGET = 3;
/**
 * `<link rel>` values a browser fetches to render a page. Not apple-touch-icon: iOS fetches it when a page
 * is saved to the home screen, and Chromium never does (test/browser/crawl.test.ts sees which it loads).
 */
const FETCHED_RELS = new Set("stylesheet icon preload modulepreload manifest mask-icon".split(" "));
const MEDIA = new Set("img iframe video audio source embed".split(" "));

/** What a page makes a browser fetch, and its `<script>` elements (JSON-LD is data, not script). */
const parse = (html: string): { fetches: string[]; scripts: number } => {
  const parsed = { fetches: [] as string[], scripts: 0 };
  new Parser({
    onopentag(name, attrs) {
      const rels = (attrs["rel"] ?? "").toLowerCase().split(/\s+/);
      if (name === "link" && attrs["href"] && rels.some((rel) => FETCHED_RELS.has(rel)))
        parsed.fetches.push(`${rels.join(" ")} ${attrs["href"]}`);
      if (name === "script" && attrs["type"]?.toLowerCase() !== "application/ld+json") parsed.scripts++;
      const src = attrs["src"] ?? attrs["srcset"];
      if (src && (name === "script" || MEDIA.has(name))) parsed.fetches.push(`${name} ${src}`);
    },
  }).end(html);
  return parsed;
};

/** url(…) references in the CSS that a browser fetches (not data: URIs, not fragments). */
const cssFetches = (css: string): string[] =>
  [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2] ?? "").filter((url) => !/^(data:|#)/.test(url));

export const measurePageWeight = async (dir: string, site: LoadedSite): Promise<Section> => {
  const cssFile = join(dir, "public", site.manifest.stylesheet);
  if (!existsSync(cssFile)) throw new Error(`the stylesheet ${site.manifest.stylesheet} is not in the copy's public/`);
  const css = readFileSync(cssFile, "utf8");
  const cssGzip = gzipBytes(css);
  const essay = sampleEssay(site.manifest);
  const page = site.manifest.pages.find((p) => p.slug === "about") ?? site.manifest.pages[0];
  const pages = [
    ["home", "/"],
    ["writing index", "/writing/"],
    ["essay", `/writing/${essay.slug}`],
    ...(page ? [[`page /${page.slug}/`, `/${page.slug}/`]] : []),
    ...(essay.tags[0] ? [["tag page", `/tags/${essay.tags[0]}/`]] : []),
  ] as const;
  const get = async (path: string): Promise<string> => {
    const response = await site.fetch(path);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return response.text();
  };
  const rows: string[][] = [];
  const targets: Target[] = [];
  const counted = new Set<string>();
  for (const [name, path] of pages) {
    const html = await get(path);
    const { fetches, scripts } = parse(html);
    if (fetches.some((f) => f.startsWith("stylesheet"))) fetches.push(...cssFetches(css).map((url) => `css ${url}`));
    for (const f of fetches) counted.add(f.replace(/\/style\.[0-9a-f]+\.css/, "/style.<hash>.css"));
    const requests = 1 + fetches.length;
    rows.push([`${name} \`${path}\``, `${Buffer.byteLength(html)}`, `${gzipBytes(html)}`, `${scripts}`, `${requests}`]);
    targets.push({
      target: `${name}: no JavaScript, ${REQUESTS_TARGET} requests`,
      measured: `${scripts} scripts, ${requests} requests`,
      met: scripts === 0 && requests <= REQUESTS_TARGET,
    });
  }
  // Each essay's page with its rendered body (which the layout inserts verbatim) cut out, plus the CSS.
  const outside: string[] = [];
  let worst = { slug: "", bytes: 0 };
  for (const essay of site.manifest.essays) {
    const { slug } = essay;
    const body = site.body(essay).html;
    const html = await get(`/writing/${slug}`);
    if (!html.includes(body)) throw new Error(`the page of ${slug} does not hold its rendered body verbatim`);
    const bytes = gzipBytes(html.replace(body, "")) + cssGzip;
    outside.push(`${slug} ${kib(bytes).toFixed(2)}`);
    if (bytes > worst.bytes) worst = { slug, bytes };
  }
  targets.push({
    target: `essay outside its body + CSS < ${OUTSIDE_BODY_TARGET_KIB} KiB gzip (largest of ${outside.length})`,
    measured: `${kib(worst.bytes).toFixed(2)} KiB (${worst.slug})`,
    met: kib(worst.bytes) < OUTSIDE_BODY_TARGET_KIB,
  });
  return {
    body: [
      table("page | HTML raw (B) | HTML gzip (B) | scripts | requests to render", rows),
      `The stylesheet: ${Buffer.byteLength(css)} B raw, ${cssGzip} B gzip. Requests counted: the HTML, then ${[...counted].map((f) => `\`${f}\``).join(", ")}.`,
      `Each essay's page outside its body, + CSS, gzip (KiB): ${outside.join(", ")}.`,
    ].join("\n\n"),
    targets,
  };
};
