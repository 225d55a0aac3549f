// `npm run new -- "Title"`: starts posts/<today, UTC>-<slug>.md as a draft with a skeleton; it never
// overwrites a file and never reuses a slug another post has.

import { readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseFilename } from "../generator/filename.ts";
import { projectPaths } from "../generator/paths.ts";
import { SLUG_RE } from "../urls.ts";

/** "Ünïcode & the Cursor File!" -> "unicode-the-cursor-file". */
const slugify = (title: string): string =>
  title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const skeleton = (title: string): string => `---
title: ${JSON.stringify(title)}
dek: "One line under the title: what broke, in a sentence."
summary: "One plain paragraph for the index, the feeds and search results: the two parties, the convention nobody wrote down, and the fix."
tags: []
draft: true
---
Open with the incident: what happened, who noticed, and what it cost.

## The two parties

What each side did, and why its reading of the shared thing was reasonable on its own.

## The convention nobody wrote down

The assumption they shared until they did not, and how it surfaced.

## The fix

The structure that makes a machine check it: a grammar, a hook, an audit, a marker.
`;

const fail = (message: string): never => {
  console.error(`npm run new: ${message}`);
  process.exit(1);
};

const title = process.argv.slice(2).join(" ").trim();
if (title === "") fail('give the essay a title: npm run new -- "Title of the essay"');
const slug = slugify(title);
if (!SLUG_RE.test(slug)) fail(`"${title}" makes no slug (it needs letters or digits): choose another title`);

const { root, postsDir } = projectPaths();
const taken = readdirSync(postsDir).find((name) => {
  const parsed = parseFilename(name);
  return parsed.kind !== "invalid" && parsed.slug === slug;
});
if (taken) fail(`the slug "${slug}" is already used by posts/${taken}: choose another title, or edit that post`);

const file = join(postsDir, `${new Date().toISOString().slice(0, 10)}-${slug}.md`);
try {
  // "wx": create, and fail rather than overwrite if the file appeared meanwhile.
  writeFileSync(file, skeleton(title), { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  fail(`${relative(root, file)} already exists: it was not touched`);
}
console.log(`created ${relative(root, file)} (a draft: \`npm run dev\` shows it; set draft: false to publish)`);
