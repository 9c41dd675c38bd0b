// What keeps the preview server standing whatever reaches it: a request target read by an
// allow-list that cannot throw.

/** A request target the preview can answer: its path (still percent-encoded) and its query. */
export interface RequestTarget {
  path: string;
  query: URLSearchParams;
}

// RFC 3986: a path segment's characters (pchar) and a query's. Percent signs only as a whole escape.
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const ORIGIN_FORM = new RegExp(`^((?:/${PCHAR}*)+)(?:\\?((?:${PCHAR}|[/?])*))?$`);

/**
 * The request target of a request to the preview, or undefined when it is not one the preview
 * reads (answered 400). Only the origin form (`/path?query`, RFC 9112 3.2.1) of well-formed
 * characters is accepted: a browser sends nothing else to a server it names. The path is not
 * resolved against anything, so `//host/x` is the path `//host/x` (not found), not a URL with
 * a host; `URLSearchParams` reads any query without throwing.
 */
export function requestTarget(raw: string | undefined): RequestTarget | undefined {
  const match = raw === undefined ? null : ORIGIN_FORM.exec(raw);
  if (!match) return undefined;
  return { path: match[1] as string, query: new URLSearchParams(match[2] ?? '') };
}
