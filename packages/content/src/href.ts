// Links, normalised once: the schema refuses a link no output can write faithfully and turns
// every other into one canonical spelling, the one the PDF's URI action, the deck's <a href>
// and the PPTX relationship's Target all carry, byte for byte.

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * White space, control and invisible format characters: a reader cannot see them, and each
 * output used to treat them its own way (the WHATWG parser drops a tab or line break, the deck
 * percent-encoded it, the PPTX and the PDF kept it raw). The author writes them %-encoded.
 */
const UNSEEN = /[\s\p{Cc}\p{Cf}]/u;

/**
 * What a canonical link is made of outside its host: RFC 3986's unreserved and reserved
 * characters less the brackets (only an IPv6 host needs those, and links name hosts by name),
 * and `%` starting an escape. These are also the characters markdown-it leaves as they are in
 * a link destination, so the deck writes the same href the schema gave it.
 */
const NOT_CANONICAL = /[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/gu;

/** A host name (as the URL parser writes it: lower case, international names in punycode) or an IPv4 address. */
const HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?$/u;

/** A `%` that does not start a `%XX` escape: browsers keep it, markdown-it writes `%25`. */
const STRAY_PERCENT = /%(?![0-9A-Fa-f]{2})/u;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

function parse(href: string): URL | undefined {
  try {
    return new URL(href);
  } catch {
    return undefined;
  }
}

/** The part before the path: `https://host:port` or `mailto:`. */
const originOf = (url: URL) => (url.protocol === 'mailto:' ? url.protocol : `${url.protocol}//${url.host}`);

/**
 * What is wrong with a link, or undefined when it is one every output can write: an absolute
 * http(s) link with a host name, or a mailto link with an address, with nothing a reader
 * cannot see, no backslash, no user name or password and no stray `%`.
 */
export function hrefProblem(href: string): string | undefined {
  const unseen = UNSEEN.exec(href);
  if (unseen) {
    const code = unseen[0].codePointAt(0) ?? 0;
    const at = unseen.index + 1;
    return `must not contain white space, control or invisible characters (${hex(code)} at character ${at}): write a space as %20`;
  }
  if (href.includes('\\')) return 'must not contain a backslash: write / in a path, or %5C for a literal backslash';
  const url = parse(href);
  if (!url || !LINK_PROTOCOLS.has(url.protocol)) return 'must be an absolute http(s) or mailto link';
  if (url.protocol === 'mailto:') {
    if (url.pathname.length === 0) return 'must be an absolute http(s) or mailto link';
  } else {
    if (url.hostname.length === 0) return 'must be an absolute http(s) or mailto link';
    if (url.username !== '' || url.password !== '')
      return 'must not contain a user name or password (in user@host the host is easy to misread)';
    if (!HOST_NAME.test(url.hostname))
      return 'must name its host with letters, digits, hyphens and dots (or an IPv4 address)';
  }
  if (STRAY_PERCENT.test(href)) return 'must use % only to start a %XX escape (a literal % is %25)';
  return undefined;
}

/** Each UTF-8 byte of a character as a `%XX` escape. */
const percentEncode = (c: string) =>
  Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/**
 * The canonical spelling of a link that hrefProblem accepts (any other string is returned as
 * it is, for the schema to refuse): the WHATWG URL parser's (scheme and host in lower case,
 * an international host in punycode, the default port dropped, `.` and `..` segments
 * resolved, `https://example.org` as `https://example.org/`), with every character outside
 * the canonical set %-encoded as UTF-8. It is its own canonical spelling.
 */
export function canonicalHref(href: string): string {
  if (hrefProblem(href) !== undefined) return href;
  const url = parse(href);
  if (!url) return href;
  const origin = originOf(url);
  const spelled = url.href;
  if (!spelled.startsWith(origin)) return href;
  return `${origin}${spelled.slice(origin.length).replace(NOT_CANONICAL, percentEncode)}`;
}
