// The site is read-only: GET and HEAD are the methods it answers, and the only ones it redirects.

export const ALLOWED_METHODS = "GET, HEAD";

export const isReadable = (method: string): boolean => method === "GET" || method === "HEAD";
