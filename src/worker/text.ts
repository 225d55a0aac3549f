// Templates to strings. The site's templates never await anything, so Hono's `html` helper returns
// its result synchronously; this makes that promise explicit and checked.

import type { Html } from "./layout.ts";

export const toText = (fragment: Html): string => {
  if (fragment instanceof Promise) throw new Error("a template produced a Promise: the site's templates must be synchronous");
  return fragment.toString();
};
