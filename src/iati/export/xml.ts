/**
 * XML 1.0 text: escaping and a small indenting writer. Element names are constants of this
 * module's callers; only text and attribute values come from data and go through escaping.
 */

/**
 * Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other
 * than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. Each is replaced
 * by U+FFFD REPLACEMENT CHARACTER rather than dropped, so that a reader sees that something
 * was there (the Unicode convention for an unrepresentable character) and the text keeps its
 * length in characters.
 */
const NOT_XML_CHAR = '[^\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]';
export const REPLACEMENT = '\uFFFD';

// A carriage return is escaped in text, and tab and line feed too in attributes, because an
// XML parser normalises them (line ends to \n, attribute whitespace to spaces): escaped, they
// come back as they were stored.
const INVALID = new RegExp(NOT_XML_CHAR, 'gu');
const HAS_INVALID = new RegExp(NOT_XML_CHAR, 'u');
const TEXT_SPECIAL = new RegExp(`[&<>\\r]|${NOT_XML_CHAR}`, 'gu');
const ATTRIBUTE_SPECIAL = new RegExp(`[&<>"\\t\\n\\r]|${NOT_XML_CHAR}`, 'gu');

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const replace = (char: string): string => ENTITIES[char] ?? REPLACEMENT;

/** True when the text holds a character that XML 1.0 cannot carry (and escaping replaces). */
export const hasNonXmlCharacter = (text: string): boolean => HAS_INVALID.test(text);

export function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, replace);
}

export function escapeAttribute(value: string): string {
  return value.replace(ATTRIBUTE_SPECIAL, replace);
}

/** Attributes in writing order; a null or undefined value leaves the attribute out. */
export type Attributes = Record<string, string | null | undefined>;

function attributeList(attributes: Attributes): string {
  let out = '';
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== null && value !== undefined) out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}

/** Writes elements with two-space indentation into one string. */
export class XmlWriter {
  readonly #parts: string[] = [];
  #indent: string;

  constructor(depth = 0) {
    this.#indent = '  '.repeat(depth);
  }

  /** An element whose children `body` writes; it closes itself (`<a/>`) when body writes none. */
  element(name: string, attributes: Attributes, body?: () => void): void {
    const start = `${this.#indent}<${name}${attributeList(attributes)}`;
    const count = this.#parts.push(`${start}>\n`);
    if (body) {
      this.#indent += '  ';
      body();
      this.#indent = this.#indent.slice(2);
    }
    if (this.#parts.length === count) this.#parts[count - 1] = `${start}/>\n`;
    else this.#parts.push(`${this.#indent}</${name}>\n`);
  }

  /** An element holding only text, written verbatim (no indentation inside). */
  text(name: string, attributes: Attributes, text: string): void {
    const attrs = attributeList(attributes);
    this.#parts.push(`${this.#indent}<${name}${attrs}>${escapeText(text)}</${name}>\n`);
  }

  /** A comment; `--` cannot occur in one, so it is spaced out. */
  comment(text: string): void {
    const safe = text
      .replace(INVALID, REPLACEMENT)
      .replace(/-(?=-)/g, '- ')
      .replace(/-$/, '- ');
    this.#parts.push(`${this.#indent}<!-- ${safe} -->\n`);
  }

  toString(): string {
    return this.#parts.join('');
  }
}
