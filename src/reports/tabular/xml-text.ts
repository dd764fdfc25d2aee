// Characters XML 1.0 forbids even as references; one in a cell would make the whole file unreadable.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPED = /[&<>"\r]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A raw CR would be normalised to LF by every XML parser; the reference keeps it.
  '\r': '&#13;',
};

/** Text safe for XML element content and double-quoted attributes. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(ESCAPED, (char) => ENTITIES[char] ?? char);
}
