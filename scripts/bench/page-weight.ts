// Section 4: page weight of the real site, per page type, from the Worker's own answers (the app
// in process) and the built stylesheet in the copy's public/. What a browser must fetch to render
// a page is read from its HTML: stylesheets, icons, preloads, images, scripts with a src, media,
// plus url(...) references in the CSS.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "htmlparser2";
import { ORIGIN, sampleEssay, type LoadedSite } from "./site.ts";
import { gzipBytes, kib } from "./util.ts";

export const OUTSIDE_BODY_TARGET_KIB = 6;
/** HTML + one stylesheet + the favicon. */
export const REQUESTS_TARGET = 3;

export interface PageWeight {
  readonly page: string;
  readonly path: string;
  readonly htmlRaw: number;
  readonly htmlGzip: number;
  readonly cssRaw: number;
  readonly cssGzip: number;
  /** Bytes of JavaScript: inline scripts and scripts with a src, JSON-LD excepted. */
  readonly jsBytes: number;
  readonly scripts: number;
  /** HTML + every subresource it (and its CSS) needs to render. */
  readonly requests: number;
  readonly subresources: readonly string[];
}

export interface OutsideBody {
  readonly slug: string;
  /** The essay page without the essay's rendered body, gzip. */
  readonly outsideGzip: number;
  readonly cssGzip: number;
  readonly totalGzip: number;
}

export const pageMet = (page: PageWeight): boolean => page.jsBytes === 0 && page.scripts === 0 && page.requests <= REQUESTS_TARGET;
export const outsideMet = (row: OutsideBody): boolean => kib(row.totalGzip) < OUTSIDE_BODY_TARGET_KIB;

interface Parsed {
  readonly subresources: string[];
  readonly jsInline: number;
  readonly scriptSrcs: string[];
  readonly scripts: number;
}

const RENDER_RELS = new Set(["stylesheet", "icon", "shortcut", "preload", "modulepreload", "manifest", "apple-touch-icon", "mask-icon"]);

const parse = (html: string): Parsed => {
  const subresources: string[] = [];
  const scriptSrcs: string[] = [];
  let jsInline = 0;
  let scripts = 0;
  let inScript = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === "link") {
        const rels = (attributes["rel"] ?? "").toLowerCase().split(/\s+/);
        if (rels.some((rel) => RENDER_RELS.has(rel)) && attributes["href"]) subresources.push(`${rels.join(" ")} ${attributes["href"]}`);
      } else if (name === "script") {
        const type = (attributes["type"] ?? "").toLowerCase();
        if (type === "application/ld+json") return;
        scripts++;
        if (attributes["src"]) {
          subresources.push(`script ${attributes["src"]}`);
          scriptSrcs.push(attributes["src"]);
        } else inScript = true;
      } else if ((name === "img" || name === "iframe" || name === "video" || name === "audio" || name === "source" || name === "embed") && (attributes["src"] || attributes["srcset"])) {
        subresources.push(`${name} ${attributes["src"] ?? attributes["srcset"]}`);
      }
    },
    ontext(text) {
      if (inScript) jsInline += Buffer.byteLength(text);
    },
    onclosetag(name) {
      if (name === "script") inScript = false;
    },
  });
  parser.write(html);
  parser.end();
  return { subresources, jsInline, scriptSrcs, scripts };
};

/** url(...) references in CSS that are fetched (not data: URIs). */
const cssFetches = (css: string): string[] =>
  [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2] ?? "").filter((url) => !url.startsWith("data:") && !url.startsWith("#"));

const localFile = (publicDir: string, src: string): string | null => {
  const path = src.startsWith(ORIGIN) ? src.slice(ORIGIN.length) : src;
  if (!path.startsWith("/")) return null;
  const file = join(publicDir, path);
  return existsSync(file) ? file : null;
};

export const measurePageWeight = async (dir: string, site: LoadedSite): Promise<{ pages: PageWeight[]; outside: OutsideBody[] }> => {
  const publicDir = join(dir, "public");
  const stylesheet = localFile(publicDir, site.manifest.stylesheet);
  if (stylesheet === null) throw new Error(`the stylesheet ${site.manifest.stylesheet} is not in the copy's public/`);
  const css = readFileSync(stylesheet);
  const cssGzip = gzipBytes(css);
  const essay = sampleEssay(site.manifest);
  const page = site.manifest.pages.find((p) => p.slug === "about") ?? site.manifest.pages[0];
  const tag = essay.tags[0];
  const targets: [string, string][] = [
    ["home", "/"],
    ["writing index", "/writing/"],
    ["essay", `/writing/${essay.slug}`],
    ...(page ? [[`page /${page.slug}/`, `/${page.slug}/`] as [string, string]] : []),
    ...(tag ? [["tag page", `/tags/${tag}/`] as [string, string]] : []),
  ];
  const pages: PageWeight[] = [];
  for (const [name, path] of targets) {
    const response = await site.fetch(new Request(`${ORIGIN}${path}`));
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    const parsed = parse(html);
    const scriptBytes = parsed.scriptSrcs.reduce((sum, src) => {
      const file = localFile(publicDir, src);
      return sum + (file === null ? 0 : readFileSync(file).length);
    }, 0);
    const stylesheets = parsed.subresources.filter((s) => s.startsWith("stylesheet")).length;
    const subresources = [...parsed.subresources, ...(stylesheets > 0 ? cssFetches(css.toString("utf8")).map((url) => `css ${url}`) : [])];
    pages.push({
      page: name,
      path,
      htmlRaw: Buffer.byteLength(html),
      htmlGzip: gzipBytes(html),
      cssRaw: stylesheets > 0 ? css.length : 0,
      cssGzip: stylesheets > 0 ? cssGzip : 0,
      jsBytes: parsed.jsInline + scriptBytes,
      scripts: parsed.scripts,
      requests: 1 + subresources.length,
      subresources,
    });
  }

  const outside: OutsideBody[] = [];
  for (const each of site.manifest.essays) {
    const html = await (await site.fetch(new Request(`${ORIGIN}/writing/${each.slug}`))).text();
    if (!html.includes(each.html)) throw new Error(`the page of ${each.slug} does not contain its rendered body verbatim`);
    const rest = html.replace(each.html, "");
    const outsideGzip = gzipBytes(rest);
    outside.push({ slug: each.slug, outsideGzip, cssGzip, totalGzip: outsideGzip + cssGzip });
  }
  return { pages, outside };
};
