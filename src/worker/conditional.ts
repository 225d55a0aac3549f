// Conditional GET (RFC 9110 §13): a client that already holds the current representation gets a
// 304 with no body. Validators come from the build, so the Worker decides before rendering.
// Hono's etag middleware does not fit: it renders the body first to hash it, and it ignores
// If-Modified-Since.

export interface Validators {
  /** A strong ETag, quotes included. */
  readonly etag: string;
  /** RFC 3339 instant, or null when no date is meaningful. */
  readonly lastModified: string | null;
}

const opaqueTag = (tag: string): string => tag.trim().replace(/^W\//, "");

/** True when the request's preconditions say the client's copy is current. */
export const notModified = (headers: Headers, { etag, lastModified }: Validators): boolean => {
  const ifNoneMatch = headers.get("if-none-match");
  // When If-None-Match is present, If-Modified-Since must be ignored (§13.2.2).
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === "*") return true;
    return ifNoneMatch.split(",").some((tag) => opaqueTag(tag) === etag);
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null || lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds; compare at that precision.
  return !Number.isNaN(since) && Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(since / 1000);
};
