// The security headers (see src/security.ts) on a response made by Hono's helpers: redirects,
// 405s and errors. Answers and the 404 page carry them in their header lists already.

import type { HeaderList } from "./answer.ts";

export const secured = (response: Response, security: HeaderList): Response => {
  for (const [name, value] of security) response.headers.set(name, value);
  return response;
};
