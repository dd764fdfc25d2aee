/**
 * Bytes to text. The encoding comes from the byte-order mark, else the XML declaration, else
 * UTF-8 (XML 1.0 appendix F). Decoding is fatal: an invalid byte sequence is reported where it
 * occurs, never replaced with U+FFFD, so no garbled text reaches the store.
 */
export type Encoding =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'iso-8859-1' | 'windows-1252' | 'us-ascii';

const LABELS: ReadonlyMap<string, Encoding | 'utf-16'> = new Map([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['utf-16', 'utf-16'],
  ['utf-16le', 'utf-16le'],
  ['utf-16be', 'utf-16be'],
  ['iso-8859-1', 'iso-8859-1'],
  ['iso8859-1', 'iso-8859-1'],
  ['iso_8859-1', 'iso-8859-1'],
  ['latin1', 'iso-8859-1'],
  ['latin-1', 'iso-8859-1'],
  ['l1', 'iso-8859-1'],
  ['windows-1252', 'windows-1252'],
  ['cp1252', 'windows-1252'],
  ['us-ascii', 'us-ascii'],
  ['ascii', 'us-ascii'],
]);

/** Bytes needed to read the XML declaration; a longer declaration is refused. */
export const HEAD_BYTES = 1024;

/** Thrown with the text decoded before the fault, so the caller can say on which line it is. */
export class DecodeError extends Error {
  readonly validText: string;

  constructor(message: string, validText: string) {
    super(message);
    this.validText = validText;
  }
}

const DECLARED_ENCODING = /^<\?xml[^?>]*?[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*["']([^"']*)["']/;

/** The encoding of a document from its first bytes, and the length of its byte-order mark. */
export function detectEncoding(head: Uint8Array): { encoding: Encoding; bom: number } {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return agree('utf-8', 3, head);
  if (
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) ||
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
  ) {
    throw new DecodeError('UTF-32 is not supported', '');
  }
  if (b0 === 0xff && b1 === 0xfe) return agree('utf-16le', 2, head);
  if (b0 === 0xfe && b1 === 0xff) return agree('utf-16be', 2, head);
  if ((b0 === 0x3c && b1 === 0) || (b0 === 0 && b1 === 0x3c)) {
    throw new DecodeError('UTF-16 without a byte-order mark is not supported', '');
  }
  const declared = declaredEncoding(head, 0, 'iso-8859-1');
  if (declared === 'utf-16' || declared === 'utf-16le' || declared === 'utf-16be') {
    throw new DecodeError(
      'the declaration says UTF-16 but the file has no UTF-16 byte-order mark',
      '',
    );
  }
  return { encoding: declared ?? 'utf-8', bom: 0 };
}

function agree(
  encoding: Encoding,
  bom: number,
  head: Uint8Array,
): { encoding: Encoding; bom: number } {
  const declared = declaredEncoding(head, bom, encoding);
  const fits =
    declared === null || declared === encoding || (declared === 'utf-16' && encoding !== 'utf-8');
  if (!fits) {
    throw new DecodeError(
      `the byte-order mark says ${encoding} but the declaration says ${declared}`,
      '',
    );
  }
  return { encoding, bom };
}

function declaredEncoding(head: Uint8Array, bom: number, as: Encoding): Encoding | 'utf-16' | null {
  const text = new TextDecoder(as).decode(head.subarray(bom));
  const match = DECLARED_ENCODING.exec(text);
  if (!match?.[1]) return null;
  const encoding = LABELS.get(match[1].toLowerCase());
  if (!encoding) throw new DecodeError(`unsupported encoding "${match[1]}"`, '');
  return encoding;
}

// Bytes windows-1252 leaves undefined; WHATWG decoders would turn them into C1 controls.
const UNDEFINED_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/**
 * How many of the last bytes of `tail` (the end of all bytes decoded so far) begin a character
 * they do not complete: what a streaming decoder holds back for the next piece.
 */
function incompleteBytes(encoding: Encoding, tail: Uint8Array, total: number): number {
  if (encoding === 'utf-8') {
    for (let back = 1; back <= Math.min(3, tail.length); back++) {
      const byte = tail[tail.length - back]!;
      if ((byte & 0xc0) === 0x80) continue;
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return length > back ? back : 0;
    }
    return 0;
  }
  const odd = total % 2;
  const unit = tail.length - odd - 2;
  if (unit < 0) return odd;
  const high = encoding === 'utf-16le' ? tail[unit + 1]! : tail[unit]!;
  return high >= 0xd8 && high <= 0xdb ? odd + 2 : odd;
}

export class ByteDecoder {
  readonly encoding: Encoding;
  readonly #decoder: TextDecoder | null;
  /** The bytes the decoder holds back: the start of a character the next piece completes. */
  #pending: Uint8Array = new Uint8Array(0);
  #decoded = 0;

  constructor(encoding: Encoding) {
    this.encoding = encoding;
    const multibyte = encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be';
    this.#decoder = multibyte ? new TextDecoder(encoding, { fatal: true, ignoreBOM: true }) : null;
  }

  decode(bytes: Uint8Array): string {
    const decoder = this.#decoder;
    if (decoder) {
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        const held = this.#pending;
        const all = held.length === 0 ? bytes : Buffer.concat([held, bytes]);
        throw new DecodeError(`invalid ${this.encoding} byte sequence`, this.#validPrefix(all));
      }
      this.#holdBack(bytes);
      return text;
    }
    const bad = this.#firstUndefinedByte(bytes);
    if (bad !== -1) {
      const byte = (bytes[bad] ?? 0).toString(16).toUpperCase();
      throw new DecodeError(
        `byte 0x${byte} is not ${this.encoding}`,
        this.#singleByte(bytes.subarray(0, bad)),
      );
    }
    return this.#singleByte(bytes);
  }

  /** Flushes the decoder; a sequence cut off by the end of the file is an error. */
  end(): string {
    try {
      return this.#decoder?.decode() ?? '';
    } catch {
      throw new DecodeError(`the file ends inside a ${this.encoding} character`, '');
    }
  }

  #singleByte(bytes: Uint8Array): string {
    if (this.encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(bytes);
    // True ISO-8859-1 (one byte, one code point), not the WHATWG alias for windows-1252.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }

  #firstUndefinedByte(bytes: Uint8Array): number {
    if (this.encoding === 'us-ascii') return bytes.findIndex((byte) => byte > 0x7f);
    if (this.encoding !== 'windows-1252') return -1;
    const found = UNDEFINED_1252.map((byte) => bytes.indexOf(byte)).filter((at) => at !== -1);
    return found.length === 0 ? -1 : Math.min(...found);
  }

  #holdBack(bytes: Uint8Array): void {
    this.#decoded += bytes.length;
    // The last four bytes decoded, across pieces as short as one byte.
    const tail =
      bytes.length >= 4 ? bytes.subarray(-4) : Buffer.concat([this.#pending, bytes]).subarray(-4);
    this.#pending = tail.slice(tail.length - incompleteBytes(this.encoding, tail, this.#decoded));
  }

  /**
   * The text before the first invalid sequence of `bytes` (which start with the bytes held
   * back from the piece before), found by bisection, only on the error path.
   */
  #validPrefix(bytes: Uint8Array): string {
    const fails = (length: number): boolean => {
      try {
        new TextDecoder(this.encoding, { fatal: true, ignoreBOM: true }).decode(
          bytes.subarray(0, length),
          { stream: true },
        );
        return false;
      } catch {
        return true;
      }
    };
    let ok = 0;
    let bad = bytes.length;
    while (bad - ok > 1) {
      const mid = (ok + bad) >>> 1;
      if (fails(mid)) bad = mid;
      else ok = mid;
    }
    return new TextDecoder(this.encoding, { ignoreBOM: true }).decode(bytes.subarray(0, ok), {
      stream: true,
    });
  }
}
