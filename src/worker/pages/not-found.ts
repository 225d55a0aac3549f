// The page for any path the site does not have. It does not echo the path back.

import { html } from "hono/html";
import { PATHS } from "../../urls.ts";
import { layout, type Html } from "../layout.ts";

export const notFoundPage = (stylesheet: string): string =>
  layout(
    stylesheet,
    { title: "Not found", description: "There is no page at this address.", path: null },
    html`<h1>Not found</h1>
<p>There is nothing at this address. It may have been mistyped; every essay is listed on the <a href="${PATHS.writing}">writing page</a>.</p>`,
  );
