// Conditional GET (RFC 9110 §13): a client that already holds the current representation gets a
// 304 with no body. Hono's etag middleware does not fit: it hashes the body again on every request,
// and it ignores If-Modified-Since.

const opaqueTag = (tag: string): string => tag.trim().replace(/^W\//, "");

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d{2}:\\d{2}:\\d{2}";
/** The three forms of HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime. */
const HTTP_DATE_RE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

/** The instant an HTTP-date names, or null when the value is not one (and must be ignored). */
const httpDate = (value: string): number | null => {
  if (!HTTP_DATE_RE.test(value)) return null;
  const instant = Date.parse(value.endsWith("GMT") ? value : `${value} GMT`);
  if (Number.isNaN(instant)) return null;
  // Date.parse reads the years 0000 to 0099 as 19xx or 20xx; a four-digit year must survive as written.
  const year = /\b\d{4}\b/.exec(value)?.[0];
  return year === undefined || new Date(instant).getUTCFullYear() === Number(year) ? instant : null;
};

/**
 * True when the request's preconditions say the client's copy is current. `etag` is strong, quotes
 * included; `lastModified` is in ms, whole seconds, or null when no date is meaningful.
 */
export const notModified = (headers: Headers, etag: string, lastModified: number | null): boolean => {
  const ifNoneMatch = headers.get("if-none-match");
  // When If-None-Match is present, If-Modified-Since must be ignored (§13.2.2).
  if (ifNoneMatch !== null) {
    // What a client sends back is most often exactly the ETag it was given: no list to split.
    if (ifNoneMatch === etag) return true;
    if (ifNoneMatch.trim() === "*") return true;
    return ifNoneMatch.split(",").some((tag) => opaqueTag(tag) === etag);
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null || lastModified === null) return false;
  // A value that is not an HTTP-date is ignored (§13.1.3), not read as whatever Date.parse makes of it.
  const since = httpDate(ifModifiedSince.trim());
  return since !== null && lastModified <= since;
};
