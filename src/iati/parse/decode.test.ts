import { describe, expect, it } from 'vitest';
import { activity, bytes, document, parse, refusal } from './parse.testkit.ts';

/** A document in `encoding`, with the narrative `title`, as bytes `encode` makes. */
function encoded(
  declared: string,
  title: string,
  encode: (text: string) => Uint8Array,
): Uint8Array {
  const xml = document(activity())
    .replace('encoding="UTF-8"', `encoding="${declared}"`)
    .replace('Test road', title);
  return encode(xml);
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf16le = (text: string) => Uint8Array.from(Buffer.from(`\ufeff${text}`, 'utf16le'));
const utf16be = (text: string) => utf16le(text).map((_, i, all) => all[i ^ 1] ?? 0);

async function title(source: Uint8Array): Promise<string | undefined> {
  const { items } = await parse(source);
  const [item] = items;
  return item?.ok ? item.activity.titles[0]?.text : `rejected: ${JSON.stringify(item)}`;
}

describe('encodings', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    expect(await title(bytes(document(activity()).replace('Test road', 'Дорога Алматы')))).toBe(
      'Дорога Алматы',
    );
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes(document(activity()))]);
    expect(await title(bom)).toBe('Test road');
  });

  it('reads ISO-8859-1 as declared, byte for code point', async () => {
    expect(await title(encoded('ISO-8859-1', 'Caf\u00e9 \u0080', latin1))).toBe('Café \u0080');
  });

  it('reads windows-1252 and refuses the bytes it leaves undefined, naming the line', async () => {
    const euro = encoded('windows-1252', '~', latin1);
    euro[euro.indexOf(0x7e)] = 0x80;
    expect(await title(euro)).toBe('€');
    const undefinedByte = encoded('windows-1252', '~', latin1);
    undefinedByte[undefinedByte.indexOf(0x7e)] = 0x81;
    const error = await refusal(undefinedByte);
    expect(error.reason).toBe('byte 0x81 is not windows-1252');
    expect(error.line).toBe(6);
  });

  it('reads UTF-16 in either byte order when it starts with a byte-order mark', async () => {
    expect(await title(encoded('UTF-16', 'Ташкент', utf16le))).toBe('Ташкент');
    expect(await title(encoded('UTF-16', 'Ташкент', utf16be))).toBe('Ташкент');
  });

  it('refuses a declaration that does not match the bytes', async () => {
    const latinBytes = encoded('UTF-8', 'Caf\u00e9', latin1);
    const wrong = await refusal(latinBytes);
    expect(wrong.message).toMatch(/^test\.xml:6:\d+: invalid utf-8 byte sequence$/);
    expect((await refusal(encoded('UTF-16', 'X', bytes))).reason).toBe(
      'the declaration says UTF-16 but the file has no UTF-16 byte-order mark',
    );
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...encoded('ISO-8859-1', 'X', bytes)]);
    expect((await refusal(bom)).reason).toBe(
      'the byte-order mark says utf-8 but the declaration says iso-8859-1',
    );
  });

  it('refuses an encoding it does not know rather than guessing', async () => {
    const error = await refusal(encoded('KOI8-R', 'X', bytes));
    expect(error.message).toBe('test.xml:1:1: unsupported encoding "KOI8-R"');
  });

  it('names the line of an invalid byte after a character split between two pieces', async () => {
    // Pieces are 64 KiB: a Cyrillic character is cut at byte 65,536, and the bad byte lies beyond.
    const lines = Array.from({ length: 6000 }, (_, i) => (i === 5500 ? 'Дорога ~' : 'Дорога'));
    const make = (pad: string) =>
      bytes(document(activity()).replace('Test road', `${pad}${lines.join('\n')}`));
    let pad = '';
    while ((make(pad)[65_536]! & 0xc0) !== 0x80) pad += ' ';
    const file = make(pad);
    const text = new TextDecoder().decode(file);
    const line = text.slice(0, text.indexOf('~')).split('\n').length;
    file[file.indexOf(0x7e)] = 0xff;
    for (const chunkSize of [1 << 20, 7]) {
      const error = await refusal(file, chunkSize);
      expect(error.reason).toBe('invalid utf-8 byte sequence');
      expect(error.line).toBe(line);
    }
  });

  it('refuses a file that ends inside a character', async () => {
    const cut = bytes(`${document(activity())}<!-- \u00e9`).slice(0, -1);
    expect((await refusal(cut)).reason).toBe('the file ends inside a utf-8 character');
  });
});
