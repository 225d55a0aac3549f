// The private assets the manifest names (essays' bodies, the search index), read from the static assets
// deployed with this Worker version when a request first needs one. A production asset's name is the
// sha256 of its bytes, and it is checked: a missing, damaged or stale one is never shown as part of a page.

import { type Body, bodyHash, type Essay } from "../manifest.ts";

/** How the Worker reaches its static assets: the ASSETS binding, or what a test stands in for it. */
export type Assets = { readonly fetch: (request: Request) => Promise<Response> };

/** An asset the manifest names that could not be read as named; the app answers it with a 503 (errors.ts). */
export class AssetUnavailable extends Error {}

const hex = (digest: ArrayBuffer): string =>
  Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");

const fetched = async (assets: Assets, path: string, base: string): Promise<ArrayBuffer> => {
  try {
    const response = await assets.fetch(new Request(new URL(path, base)));
    if (!response.ok) throw new Error(`the assets answered ${response.status}`);
    return await response.arrayBuffer();
  } catch (error) {
    throw new AssetUnavailable(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};

/** The JSON at `path`, and its size in bytes, fetched through `assets` (`base` is any absolute URL: the request's will do). */
export const readAsset = async (
  assets: Assets,
  path: string,
  base: string,
): Promise<{ readonly value: unknown; readonly bytes: number }> => {
  const bytes = await fetched(assets, path, base);
  const hash = bodyHash(path);
  if (hash !== null && hex(await crypto.subtle.digest("SHA-256", bytes)) !== hash)
    throw new AssetUnavailable(`${path}: its bytes are not the ones its name hashes`);
  try {
    return { value: JSON.parse(new TextDecoder().decode(bytes)), bytes: bytes.byteLength };
  } catch (error) {
    throw new AssetUnavailable(`${path}: not JSON (${String(error)})`, { cause: error });
  }
};

/** The body of `essay`. */
export const readBody = async (assets: Assets, essay: Essay, base: string): Promise<Body> =>
  (await readAsset(assets, essay.body, base)).value as Body;
