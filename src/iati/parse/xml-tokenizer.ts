import { IatiFileError } from './errors.ts';
import { FORBIDDEN_CHAR, XmlSyntaxError, decodeReferences } from './xml-chars.ts';
import {
  describeMarkup,
  isBlank,
  readDeclaration,
  readInstruction,
  safeTextEnd,
} from './xml-markup.ts';
import { readStartTag, scanName, type Attributes, type StartTag } from './xml-tag.ts';

/** Receives the document as it is read. Self-closing tags arrive as open + close. */
export interface XmlHandler {
  /** When false the tokenizer still checks text (references, stray markup) but skips slicing it. */
  readonly wantsText: boolean;
  /**
   * Whether whitespace alone is content here: between two pieces of one element's text (split
   * by a comment or CDATA). Elsewhere it is the layout between elements, and is not sliced.
   */
  readonly wantsBlank?: boolean;
  /** `length` is the start tag's length in characters, attributes included. */
  open(name: string, attributes: Attributes, line: number, column: number, length: number): void;
  close(name: string): void;
  text(text: string): void;
}

/** Longest tag, comment, CDATA section or processing instruction accepted, in characters. */
export const MAX_MARKUP = 1 << 20;

const CR = /\r\n?/g;
const NOT_SPACE = /[^ \t\n]/;

/**
 * A streaming tokenizer for the XML that IATI uses: elements, attributes, text, CDATA,
 * comments, processing instructions, the predefined entities and character references. It
 * refuses DOCTYPE (so no DTD, no entity expansion, no external entity can ever be read) and
 * anything else that is not well-formed, with the line and column. It works on decoded text
 * with indexOf and slices, never character by character through the text, which is where
 * its speed comes from.
 */
export class XmlTokenizer {
  readonly #handler: XmlHandler;
  readonly #source: string;
  #buf = '';
  #pos = 0;
  #base = 0; // index of #buf[0] in the whole document
  #line = 1;
  #lineStart = 0; // index in the whole document where #line starts
  #nl = 0; // index in #buf of the next '\n' not yet counted, or #buf.length
  #amp = -1; // index in #buf of the next '&' found by the last search
  #pendingCR = false;
  #mayEndCdata = false;
  #sawRoot = false;
  readonly #open: string[] = [];
  readonly #openAt: number[] = []; // line, column pairs
  readonly #tag: StartTag = { name: '', attributes: [], selfClosing: false, end: 0 };

  constructor(handler: XmlHandler, source: string) {
    this.#handler = handler;
    this.#source = source;
  }

  feed(chunk: string): void {
    if (this.#pendingCR) {
      chunk = '\r' + chunk;
      this.#pendingCR = false;
    }
    // End-of-line handling (XML 1.0 §2.11): CRLF and lone CR become LF before anything else.
    if (chunk.indexOf('\r') !== -1) {
      if (chunk.charCodeAt(chunk.length - 1) === 13) {
        this.#pendingCR = true;
        chunk = chunk.slice(0, -1);
      }
      chunk = chunk.replace(CR, '\n');
    }
    this.#append(chunk);
    const bad = FORBIDDEN_CHAR.exec(chunk);
    if (bad) {
      const code = chunk.charCodeAt(bad.index).toString(16).toUpperCase().padStart(4, '0');
      this.#fail(
        `character U+${code} is not allowed in XML`,
        this.#buf.length - chunk.length + bad.index,
      );
    }
    this.#run(false);
  }

  end(): void {
    if (this.#pendingCR) {
      this.#pendingCR = false;
      this.#append('\n');
    }
    this.#run(true);
    const buf = this.#buf;
    if (this.#pos < buf.length)
      this.#fail(`unterminated ${describeMarkup(buf, this.#pos)}`, this.#pos);
    const depth = this.#open.length;
    if (depth > 0) {
      const [line = null, column = null] = this.#openAt.slice(-2);
      throw new IatiFileError(
        this.#source,
        line,
        column,
        `unclosed tag <${this.#open[depth - 1]}>`,
      );
    }
    if (!this.#sawRoot) this.#fail('not an IATI file: no root element', buf.length);
  }

  /** An error at the end of what has been fed so far (where decoding stopped, for instance). */
  errorAtEnd(reason: string): IatiFileError {
    this.#advanceLines(this.#buf.length);
    const column = this.#base + this.#buf.length - this.#lineStart + 1;
    return new IatiFileError(this.#source, this.#line, column, reason);
  }

  #fail(reason: string, index: number): never {
    this.#advanceLines(index);
    throw new IatiFileError(
      this.#source,
      this.#line,
      this.#base + index - this.#lineStart + 1,
      reason,
    );
  }

  #advanceLines(index: number): void {
    const buf = this.#buf;
    while (this.#nl < index) {
      this.#line++;
      this.#lineStart = this.#base + this.#nl + 1;
      const next = buf.indexOf('\n', this.#nl + 1);
      this.#nl = next === -1 ? buf.length : next;
    }
  }

  #append(chunk: string): void {
    const old = this.#buf;
    const pos = this.#pos;
    this.#advanceLines(pos);
    const rest = pos < old.length ? old.slice(pos) : '';
    const noNewline = this.#nl >= old.length;
    this.#base += pos;
    // join() builds a flat string; '+' would build a cons string that is slower to scan.
    this.#buf = rest === '' ? chunk : [rest, chunk].join('');
    this.#pos = 0;
    // ']]>' is rare; once seen, text is checked for it (safeTextEnd keeps a trailing ']]' back).
    this.#mayEndCdata ||= this.#buf.indexOf(']]>', Math.max(0, rest.length - 2)) !== -1;
    if (noNewline) {
      const next = this.#buf.indexOf('\n', rest.length);
      this.#nl = next === -1 ? this.#buf.length : next;
    } else {
      this.#nl -= pos;
    }
    this.#amp = -1;
  }

  #run(final: boolean): void {
    const buf = this.#buf;
    const len = buf.length;
    let pos = this.#pos;
    while (pos < len) {
      const lt = buf.indexOf('<', pos);
      const textEnd = lt !== -1 ? lt : final ? len : safeTextEnd(buf, pos);
      if (textEnd > pos) this.#text(buf, pos, textEnd);
      if (lt === -1) {
        pos = textEnd;
        break;
      }
      const next = this.#markup(buf, lt);
      if (next === -1 ? len - lt > MAX_MARKUP : next - lt > MAX_MARKUP) {
        this.#fail(`${describeMarkup(buf, lt)} is longer than 1 MB`, lt);
      }
      if (next === -1) {
        pos = lt;
        break;
      }
      pos = next;
    }
    this.#pos = pos;
  }

  #text(buf: string, from: number, to: number): void {
    if (this.#open.length === 0) {
      const stray = NOT_SPACE.exec(buf.slice(from, to));
      if (stray) {
        const where = this.#sawRoot ? 'after the root element' : 'before the root element';
        this.#fail(`not XML: text ${where}`, from + stray.index);
      }
      return;
    }
    if (this.#amp < from) {
      const amp = buf.indexOf('&', from);
      this.#amp = amp === -1 ? buf.length : amp;
    }
    const hasReference = this.#amp < to;
    if (!hasReference && !this.#handler.wantsText) return;
    if (!hasReference && isBlank(buf, from, to) && !this.#handler.wantsBlank) return;
    const raw = buf.slice(from, to);
    if (this.#mayEndCdata && raw.indexOf(']]>') !== -1) {
      this.#fail("']]>' is not allowed in text", from + raw.indexOf(']]>'));
    }
    let text = raw;
    if (hasReference) {
      try {
        text = decodeReferences(raw);
      } catch (error) {
        if (error instanceof XmlSyntaxError) this.#fail(error.message, from + error.offset);
        throw error;
      }
    }
    if (this.#handler.wantsText) this.#handler.text(text);
  }

  /** Reads the markup at `lt`; returns the index after it, or -1 when it is not complete yet. */
  #markup(buf: string, lt: number): number {
    try {
      const c = buf.charCodeAt(lt + 1);
      if (c === 47) return this.#endTag(buf, lt);
      if (c === 33) return readDeclaration(buf, lt, this.#open.length > 0, this.#handler);
      if (c === 63) return readInstruction(buf, lt, this.#base + lt === 0);
      return Number.isNaN(c) ? -1 : this.#startTag(buf, lt);
    } catch (error) {
      if (error instanceof XmlSyntaxError) this.#fail(error.message, error.offset);
      throw error;
    }
  }

  #startTag(buf: string, lt: number): number {
    const tag = this.#tag;
    if (!readStartTag(buf, lt, tag)) return -1;
    if (this.#sawRoot && this.#open.length === 0) {
      this.#fail(`only one root element is allowed; found <${tag.name}> after it`, lt);
    }
    this.#sawRoot = true;
    this.#advanceLines(lt);
    const column = this.#base + lt - this.#lineStart + 1;
    this.#handler.open(tag.name, tag.attributes, this.#line, column, tag.end - lt);
    if (tag.selfClosing) {
      this.#handler.close(tag.name);
    } else {
      this.#open.push(tag.name);
      this.#openAt.push(this.#line, column);
    }
    return tag.end;
  }

  #endTag(buf: string, lt: number): number {
    const expected = this.#open[this.#open.length - 1];
    const nameEnd = lt + 2 + (expected?.length ?? 0);
    let gt = nameEnd;
    // Fast path: the expected name followed by '>'; anything else is checked slowly below.
    if (expected === undefined || buf.charCodeAt(gt) !== 62 || !buf.startsWith(expected, lt + 2)) {
      gt = buf.indexOf('>', lt + 2);
      if (gt === -1) return -1;
      const found = buf.slice(lt + 2, scanName(buf, lt + 2));
      if (found !== expected) {
        const line = this.#openAt[this.#openAt.length - 2] ?? 0;
        this.#fail(
          expected === undefined
            ? `closing tag </${found}> has no matching open tag`
            : `closing tag </${found}> does not match <${expected}> opened at line ${line}`,
          lt,
        );
      }
      if (NOT_SPACE.test(buf.slice(nameEnd, gt)))
        this.#fail(`malformed closing tag </${expected}>`, lt);
    }
    this.#open.pop();
    this.#openAt.pop();
    this.#openAt.pop();
    this.#handler.close(expected);
    return gt + 1;
  }
}
