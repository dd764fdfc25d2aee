import { XmlSyntaxError, isNameStartCode } from './xml-chars.ts';
import { scanName } from './xml-tag.ts';

/**
 * The markup other than tags, for the tokenizer: each reader returns the index after the
 * markup at `lt`, -1 when the buffer ends first, or throws XmlSyntaxError.
 */

const SP = '[ \\t\\n]';
const XML_DECLARATION = new RegExp(
  `^<\\?xml${SP}+version${SP}*=${SP}*(["'])1\\.[0-9]+\\1` +
    `(${SP}+encoding${SP}*=${SP}*(["'])[A-Za-z][A-Za-z0-9._-]*\\3)?` +
    `(${SP}+standalone${SP}*=${SP}*(["'])(yes|no)\\5)?${SP}*\\?>$`,
);

export interface TextSink {
  readonly wantsText: boolean;
  text(text: string): void;
}

/** '<!': a comment, a CDATA section (its text goes to `sink`), or a refused DOCTYPE. */
export function readDeclaration(buf: string, lt: number, inRoot: boolean, sink: TextSink): number {
  if (buf.startsWith('<!--', lt)) {
    const end = buf.indexOf('-->', lt + 4);
    if (end === -1) return -1;
    const dashes = buf.indexOf('--', lt + 4);
    if (dashes < end) throw new XmlSyntaxError("'--' is not allowed inside a comment", dashes);
    return end + 3;
  }
  if (buf.startsWith('<![CDATA[', lt)) {
    if (!inRoot) throw new XmlSyntaxError('CDATA section outside the root element', lt);
    const end = buf.indexOf(']]>', lt + 9);
    if (end === -1) return -1;
    if (sink.wantsText) sink.text(buf.slice(lt + 9, end));
    return end + 3;
  }
  if (buf.length - lt < 9) return -1;
  if (buf.startsWith('<!DOCTYPE', lt)) {
    // No DTD means no entity declarations: nothing to expand (billion laughs), nothing to fetch (XXE).
    throw new XmlSyntaxError('DOCTYPE refused: IATI files may not declare a DTD or entities', lt);
  }
  throw new XmlSyntaxError("'<!' must start a comment or a CDATA section", lt);
}

/** '<?': a processing instruction, or the XML declaration when `atFileStart`. */
export function readInstruction(buf: string, lt: number, atFileStart: boolean): number {
  const end = buf.indexOf('?>', lt + 2);
  if (end === -1) return -1;
  const nameEnd = scanName(buf, lt + 2);
  const spaceAfter = nameEnd === end || /[ \t\n]/.test(buf[nameEnd] ?? '');
  if (!isNameStartCode(buf.charCodeAt(lt + 2)) || !spaceAfter) {
    throw new XmlSyntaxError('malformed processing instruction', lt);
  }
  if (buf.slice(lt + 2, nameEnd).toLowerCase() === 'xml') {
    if (!atFileStart) throw new XmlSyntaxError('the XML declaration must start the file', lt);
    if (!XML_DECLARATION.test(buf.slice(lt, end + 2))) {
      throw new XmlSyntaxError('malformed XML declaration', lt);
    }
  }
  return end + 2;
}

/** Indentation between tags is most of the text events; IATI gives it no meaning. */
export function isBlank(buf: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9) return false;
  }
  return true;
}

/**
 * Where text may safely stop at the end of the buffer: before a reference cut in two, and
 * before a trailing ']' or ']]' that the next chunk could turn into ']]>'.
 */
export function safeTextEnd(buf: string, from: number): number {
  const start = Math.max(from, buf.length - 12);
  const tail = buf.slice(start);
  const amp = tail.lastIndexOf('&');
  if (amp !== -1 && tail.indexOf(';', amp) === -1) return start + amp;
  let end = buf.length;
  while (end > from && end > buf.length - 2 && buf.charCodeAt(end - 1) === 93) end--;
  return end;
}

export function describeMarkup(buf: string, at: number): string {
  if (buf.startsWith('<!--', at)) return 'comment';
  if (buf.startsWith('<![CDATA[', at)) return 'CDATA section';
  if (buf.startsWith('<?', at)) return 'processing instruction';
  if (buf.startsWith('</', at)) return 'closing tag';
  return `tag <${buf.slice(at + 1, scanName(buf, at + 1))}`;
}
