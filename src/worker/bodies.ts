// An essay's Body, read from the static assets deployed with this Worker version when a page or feed
// first needs it. A production body's name is the sha256 of its bytes, and it is checked: a missing,
// damaged or stale one is never shown as part of a page.

import { type Body, bodyHash, type Essay } from "../manifest.ts";

/** How the Worker reaches its static assets: the ASSETS binding, or what a test stands in for it. */
export type Assets = { readonly fetch: (request: Request) => Promise<Response> };

/** A body the manifest names that could not be read as named; the app answers it with a 503 (errors.ts). */
export class BodyUnavailable extends Error {}

const hex = (digest: ArrayBuffer): string =>
  Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");

const fetched = async (assets: Assets, path: string, base: string): Promise<ArrayBuffer> => {
  try {
    const response = await assets.fetch(new Request(new URL(path, base)));
    if (!response.ok) throw new Error(`the assets answered ${response.status}`);
    return await response.arrayBuffer();
  } catch (error) {
    throw new BodyUnavailable(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};

/** The body of `essay`, fetched through `assets` (`base` is any absolute URL: the request's will do). */
export const readBody = async (assets: Assets, essay: Essay, base: string): Promise<Body> => {
  const bytes = await fetched(assets, essay.body, base);
  const hash = bodyHash(essay.body);
  if (hash !== null && hex(await crypto.subtle.digest("SHA-256", bytes)) !== hash)
    throw new BodyUnavailable(`${essay.body}: its bytes are not the ones its name hashes`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as Body;
  } catch (error) {
    throw new BodyUnavailable(`${essay.body}: not a body (${String(error)})`, { cause: error });
  }
};
