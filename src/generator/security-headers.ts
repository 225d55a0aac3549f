// The security headers as Hono's secureHeaders middleware sets them from the site's options: the
// Worker runs that middleware on every response, and the build runs it once here to write the same
// headers into public/_headers for the static files, so both carry one policy.

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
