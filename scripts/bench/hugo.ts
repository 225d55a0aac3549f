// The anchor for sections 2 and 3: a minimal Hugo site written by the bench (never committed) around
// the same corpus, doing what ours does: a base layout, essay, list and home templates, tag pages, RSS
// with the newest 20 essays in full, a table of contents, code highlighted by Chroma with classes,
// footnotes (Goldmark's default).

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CorpusEssay } from "./corpus.ts";
import { run, tempDir } from "./util.ts";

// buildFuture: the corpus has one essay a day from 2012, so past N≈5,400 its dates pass today. Our build
// renders those too (as scheduled essays), so Hugo must build them, not skip them as it does by default.
const CONFIG = `baseURL = "https://bench.example/"
languageCode = "en"
title = "Bench"
rssLimit = 20
buildFuture = true

[taxonomies]
  tag = "tags"

[permalinks]
  writing = "/writing/:slug"

[markup.highlight]
  codeFences = true
  noClasses = false

[markup.tableOfContents]
  startLevel = 2
  endLevel = 2
`;

const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="/style.css">
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="/">{{ site.Title }}</a> <nav><a href="/writing/">Writing</a> <a href="/tags/">Tags</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
`,
  "_default/single.html": `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="dek">{{ .Params.dek }}</p>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> · {{ .ReadingTime }} min · {{ .WordCount }} words</p>
<ul class="tags">{{ range .Params.tags }}<li><a href="{{ (printf "/tags/%s/" (. | urlize)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>
{{ .TableOfContents }}
<div class="prose">{{ .Content }}</div>
</article>
<nav>{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}`,
  "_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> <p>{{ .Description }}</p></li>{{ end }}
</ul>{{ end }}`,
  "_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}`,
  "index.html": `{{ define "main" }}<p>An essay site, for the benchmark.</p>
<ul>{{ range first 10 (where site.RegularPages.ByDate.Reverse "Section" "writing") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <p>{{ .Description }}</p></li>{{ end }}
</ul>{{ end }}`,
  "_default/rss.xml": `{{- $pages := .Pages -}}{{- if .IsHome -}}{{- $pages = site.RegularPages -}}{{- end -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel>
<title>{{ .Title }}</title><link>{{ .Permalink }}</link><description>{{ site.Title }}</description>
{{ range first 20 $pages.ByDate.Reverse }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate><description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>
`,
};

export interface HugoSite {
  readonly dir: string;
  readonly remove: () => void;
}

/** Writes the Hugo site for a corpus: content/writing/<slug>.md with a `date` in front matter. */
export const writeHugoSite = (essays: readonly CorpusEssay[]): HugoSite => {
  const { dir, remove } = tempDir("fmlops-hugo-");
  writeFileSync(join(dir, "hugo.toml"), CONFIG);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    const path = join(dir, "layouts", file);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
  }
  mkdirSync(join(dir, "static"), { recursive: true });
  writeFileSync(join(dir, "static", "style.css"), "body{font:18px/1.5 serif;max-width:40em;margin:auto}\n");
  const content = join(dir, "content", "writing");
  mkdirSync(content, { recursive: true });
  writeFileSync(join(content, "_index.md"), `---\ntitle: "Writing"\n---\n`);
  for (const essay of essays) {
    const front = [
      `title: ${JSON.stringify(essay.title)}`,
      `date: ${essay.date}`,
      `slug: ${essay.slug}`,
      `description: ${JSON.stringify(essay.summary)}`,
      `dek: ${JSON.stringify(essay.dek)}`,
      `tags: [${essay.tags.join(", ")}]`,
    ];
    writeFileSync(join(content, `${essay.slug}.md`), `---\n${front.join("\n")}\n---\n${essay.body}`);
  }
  return { dir, remove };
};

/** The Hugo site's content file for an essay of the corpus. */
export const hugoPostFile = (site: HugoSite, essay: CorpusEssay): string =>
  join(site.dir, "content", "writing", `${essay.slug}.md`);

/** One cold `hugo --quiet` run: a fresh destination and a fresh cache directory, both removed after. */
export const runHugo = async (site: HugoSite): Promise<number> => {
  const temp = tempDir("fmlops-hugo-out-");
  const out = temp.dir;
  try {
    rmSync(join(site.dir, "resources"), { recursive: true, force: true });
    const result = await run(
      "hugo",
      ["--quiet", "--destination", join(out, "public"), "--cacheDir", join(out, "cache")],
      { cwd: site.dir, timeoutMs: 600_000 },
    );
    if (result.status !== 0) throw new Error(`hugo failed (exit ${result.status}):\n${result.output.slice(-4000)}`);
    return result.seconds;
  } finally {
    temp.remove();
  }
};
