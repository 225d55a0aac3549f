// The security headers, obtained by running Hono's secureHeaders middleware once with the site's
// options: the manifest carries them to every Worker response, and public/_headers to every static
// file, so both carry one policy and no request computes it.

import { SECURITY_HEADERS } from "../security.ts";

// Hono is loaded only when the headers are computed, not when a build finds them in its memo.
export const securityHeaders = async (): Promise<[string, string][]> => {
  const [{ Hono }, { secureHeaders }] = await Promise.all([import("hono"), import("hono/secure-headers")]);
  const app = new Hono();
  app.use(secureHeaders(SECURITY_HEADERS));
  app.get("/", (c) => c.body(null));
  const response = await app.request("/");
  return [...response.headers];
};
