/**
 * Character classes and references of XML 1.0 (fifth edition), for the hand-written tokenizer.
 * Only the five predefined entities and numeric references exist here: a document has no DTD
 * (the tokenizer refuses one), so every other reference is an error, never an expansion.
 */

/** A syntax error at `offset` characters into the string that was being read. */
export class XmlSyntaxError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

// ASCII name characters as a table: 2 = may start a name, 1 = may continue one.
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
  ASCII_NAME[c] = letter ? 2 : (c >= 48 && c <= 57) || c === 45 || c === 46 ? 1 : 0;
}

export function isNameStartCode(c: number): boolean {
  return c < 128 ? ASCII_NAME[c] === 2 : isWideNameStart(c);
}

/** False for NaN too, which is what charCodeAt gives past the end of the string. */
export function isNameCode(c: number): boolean {
  if (c < 128) return ASCII_NAME[c] !== 0;
  return (
    c === 0xb7 || isWideNameStart(c) || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040
  );
}

function isWideNameStart(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdfff) || // includes surrogates: names may use #x10000-#xEFFFF
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

// Characters XML 1.0 forbids anywhere in a document (CR never reaches this: it is normalised).
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const DECIMAL_REF = /^#[0-9]+$/;
const HEX_REF = /^#x[0-9a-fA-F]+$/;
const REFERENCE = /^(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][A-Za-z0-9._:-]*)$/;

function predefined(name: string): string | undefined {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'apos':
      return "'";
    case 'quot':
      return '"';
    default:
      return undefined;
  }
}

/** Replaces the references in `text`, which contains at least one '&'. */
export function decodeReferences(text: string): string {
  let out = '';
  let last = 0;
  let amp = text.indexOf('&');
  while (amp !== -1) {
    const semi = text.indexOf(';', amp + 1);
    const ref = semi === -1 ? '' : text.slice(amp + 1, semi);
    // Any length: &#x00000041; is "A" too.
    if (!REFERENCE.test(ref))
      throw new XmlSyntaxError("'&' must start a reference like &amp;", amp);
    let replacement: string | undefined;
    if (DECIMAL_REF.test(ref) || HEX_REF.test(ref)) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(cp)) throw new XmlSyntaxError(`&${ref}; is not an XML character`, amp);
      replacement = String.fromCodePoint(cp);
    } else {
      replacement = predefined(ref);
      if (replacement === undefined) {
        throw new XmlSyntaxError(
          `undefined entity &${ref}; (only the five XML entities are allowed)`,
          amp,
        );
      }
    }
    out += text.slice(last, amp) + replacement;
    last = semi + 1;
    amp = text.indexOf('&', last);
  }
  return out + text.slice(last);
}
