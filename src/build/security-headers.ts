// The security headers, obtained by running Hono's secureHeaders middleware once with the site's
// options: the manifest carries them to every Worker response, and public/_headers to every static
// file, so both carry one policy and no request computes it.

import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { SECURITY_HEADERS } from "../security.ts";

export const securityHeaders = async (): Promise<[string, string][]> => {
  const app = new Hono();
  app.use(secureHeaders(SECURITY_HEADERS));
  app.get("/", (c) => c.body(null));
  const response = await app.request("/");
  return [...response.headers];
};
