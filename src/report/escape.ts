const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * What a project string (a file name, a specifier, a message that embeds one) must never carry raw
 * into a terminal, a CI log or a viewer: C0 controls (ESC, BEL, CR, LF, tab…), DEL and C1 controls,
 * the Unicode bidi controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the
 * marks U+200E/U+200F/U+061C), the line and paragraph separators U+2028/U+2029, the non-characters
 * U+FFFE/U+FFFF, and lone surrogates.
 */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const visible = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A project string made inert for text, GitHub and Markdown: every unsafe character shown as `\uXXXX`, the rest untouched. */
export function neutralise(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * Text for HTML and XML, in content and in attributes alike: the markup characters as entities,
 * and every unsafe character shown as `\uXXXX` (so the output is well-formed XML 1.0 and no bidi
 * control reorders what a viewer shows), except tab, LF and CR, which are legal and which our
 * own composed texts use; callers neutralise project strings before composing.
 */
export function escapeXml(text: string): string {
  return text
    .replace(UNSAFE, (character) => (character === '\t' || character === '\n' || character === '\r' ? character : visible(character)))
    .replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
