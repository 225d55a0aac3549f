// The headers the Worker's secureHeaders middleware sets, obtained by running that same middleware
// with the same options: what public/_headers gives the static files, so both carry one policy.

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
