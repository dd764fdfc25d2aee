import { XmlSyntaxError, decodeReferences, isNameCode, isNameStartCode } from './xml-chars.ts';

/** Name, value, name, value…: cheaper to build than a Map for the one or two most tags have. */
export type Attributes = string[];

export function getAttribute(attributes: Attributes, name: string): string | undefined {
  for (let i = 0; i < attributes.length; i += 2)
    if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

/** What `readStartTag` found; reused between calls to spare an allocation per element. */
export interface StartTag {
  name: string;
  attributes: Attributes;
  selfClosing: boolean;
  /** Index just past the closing '>'. */
  end: number;
}

const WHITESPACE_IN_VALUE = /[\t\n]/g;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Index of the first character at or after `i` that cannot continue a name. */
export function scanName(buf: string, i: number): number {
  // IATI's names are lower case and hyphens; anything else takes the general test.
  let c = buf.charCodeAt(i);
  for (;;) {
    if ((c >= 97 && c <= 122) || c === 45 || isNameCode(c)) c = buf.charCodeAt(++i);
    else return i;
  }
}

/**
 * Reads the start tag whose '<' is at `lt`. Returns false when the buffer ends inside the tag
 * (the caller waits for more text); throws XmlSyntaxError when the tag is malformed.
 */
export function readStartTag(buf: string, lt: number, into: StartTag): boolean {
  const len = buf.length;
  let i = lt + 1;
  if (!isNameStartCode(buf.charCodeAt(i))) {
    if (i >= len) return false;
    throw new XmlSyntaxError("'<' must start a tag name", lt);
  }
  i = scanName(buf, i + 1);
  if (i >= len) return false;
  into.name = buf.slice(lt + 1, i);
  const attributes: Attributes = [];
  into.attributes = attributes;
  for (;;) {
    const spaceBefore = i;
    while (isSpace(buf.charCodeAt(i))) i++;
    if (i >= len) return false;
    const c = buf.charCodeAt(i);
    if (c === 62) {
      into.selfClosing = false;
      into.end = i + 1;
      return true;
    }
    if (c === 47) {
      if (i + 1 >= len) return false;
      if (buf.charCodeAt(i + 1) !== 62) throw new XmlSyntaxError("'/' must be followed by '>'", i);
      into.selfClosing = true;
      into.end = i + 2;
      return true;
    }
    if (i === spaceBefore)
      throw new XmlSyntaxError('attributes must be separated by white space', i);
    if (!isNameStartCode(c)) throw new XmlSyntaxError('expected an attribute name', i);
    const nameStart = i;
    i = scanName(buf, i + 1);
    const nameEnd = i;
    while (isSpace(buf.charCodeAt(i))) i++;
    if (i >= len) return false;
    if (buf.charCodeAt(i) !== 61)
      throw new XmlSyntaxError("expected '=' after the attribute name", i);
    i++;
    while (isSpace(buf.charCodeAt(i))) i++;
    if (i >= len) return false;
    const quote = buf.charCodeAt(i);
    if (quote !== 34 && quote !== 39)
      throw new XmlSyntaxError('attribute values must be quoted', i);
    // One pass finds the closing quote and notes whether the value needs the slow path.
    let close = i + 1;
    let special = false;
    for (;;) {
      const v = buf.charCodeAt(close);
      if (v === quote) break;
      if (v !== v) return false; // NaN: the buffer ends inside the value
      if (v === 38 || v === 60 || v === 9 || v === 10) special = true;
      close++;
    }
    const name = buf.slice(nameStart, nameEnd);
    if (getAttribute(attributes, name) !== undefined)
      throw new XmlSyntaxError(`duplicate attribute ${name}`, nameStart);
    let value = buf.slice(i + 1, close);
    if (special) value = attributeValue(value, i + 1);
    attributes.push(name, value);
    i = close + 1;
  }
}

function attributeValue(raw: string, offset: number): string {
  const lt = raw.indexOf('<');
  if (lt !== -1) throw new XmlSyntaxError("'<' is not allowed in an attribute value", offset + lt);
  // Attribute-value normalisation: literal tabs and line breaks become spaces (XML 1.0 §3.3.3).
  const normalised = raw.replace(WHITESPACE_IN_VALUE, ' ');
  if (normalised.indexOf('&') === -1) return normalised;
  try {
    return decodeReferences(normalised);
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      throw new XmlSyntaxError(error.message, offset + error.offset);
    throw error;
  }
}
