// The essay index at /writing/: every essay, newest first.

import { html } from "hono/html";
import type { Manifest } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { layout, type Html } from "../layout.ts";
import { essayList } from "./essay-list.ts";

export const writingPage = (manifest: Manifest): Html =>
  layout(
    { title: "Writing", description: `Every essay on ${SITE.name}, newest first.`, path: "/writing/" },
    html`<h1>Writing</h1>
${manifest.essays.length > 0 ? essayList(manifest.essays, 2) : html`<p>No essays yet.</p>`}`,
  );
