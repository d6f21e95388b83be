/**
 * RFC 3986 URI-reference (section 4.1): an absolute URI, or a relative reference whose first segment
 * has no `:`; only unreserved characters, sub-delims, `:@/?#` and well-formed percent-escapes.
 */
export function isUriReference(text: string): boolean {
  if (!/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/.test(text)) return false;
  if ((text.match(/#/g) ?? []).length > 1) return false;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text);
  return scheme || !/^[^/?#]*:/.test(text);
}
export const isUri = (text: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && isUriReference(text);
