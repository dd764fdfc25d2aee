import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Attributes } from './xml-tag.ts';
import { XmlTokenizer, type XmlHandler } from './xml-tokenizer.ts';
import { IatiFileError } from './errors.ts';

type Event = ['open', string, Attributes, number, number] | ['close', string] | ['text', string];

/** Tokenizes `xml` fed in pieces of `size` characters and lists what the handler saw. */
function events(xml: string, size = 5): Event[] {
  const seen: Event[] = [];
  const handler: XmlHandler = {
    wantsText: true,
    open: (name, attributes, line, column) =>
      void seen.push(['open', name, attributes, line, column]),
    close: (name) => void seen.push(['close', name]),
    text: (text) => {
      const last = seen[seen.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else seen.push(['text', text]);
    },
  };
  const tokenizer = new XmlTokenizer(handler, 'doc.xml');
  for (let at = 0; at < xml.length; at += size) tokenizer.feed(xml.slice(at, at + size));
  tokenizer.end();
  return seen;
}

function failure(xml: string, size = 5): string {
  try {
    events(xml, size);
  } catch (error) {
    if (error instanceof IatiFileError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('the XML tokenizer', () => {
  it('reads elements, attributes, text, CDATA, comments and processing instructions', () => {
    const xml = `<?xml version="1.0"?><!-- c --><a x="1" y='a&amp;b&#x41;&#66;'><?pi data?>t&lt;u<![CDATA[<raw>&amp;]]><b/></a>`;
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(events(xml, size)).toEqual([
        ['open', 'a', ['x', '1', 'y', 'a&bAB'], 1, 32],
        ['text', 't<u<raw>&amp;'],
        ['open', 'b', [], 1, 103],
        ['close', 'b'],
        ['close', 'a'],
      ]);
    }
  });

  it('reads character references of any length, leading zeros and all', () => {
    expect(events('<a v="&#x00000000041;">&#0000000066;</a>')).toEqual([
      ['open', 'a', ['v', 'A'], 1, 1],
      ['text', 'B'],
      ['close', 'a'],
    ]);
  });

  it('normalises line ends and attribute white space as XML says', () => {
    expect(events('<a v="x\ty\r\nz">1\r\n2\r3</a>')).toEqual([
      ['open', 'a', ['v', 'x y z'], 1, 1],
      ['text', '1\n2\n3'],
      ['close', 'a'],
    ]);
  });

  it('counts lines with LF, CRLF and CR-only line ends alike', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const xml = ['<a>', '<b>', '', '<c/>', '</b>', '<d>'].join(end);
      expect(failure(xml, 1)).toBe('doc.xml:6:1: unclosed tag <d>');
    }
  });

  it('finds the same lines in the CR-only real file as in its LF twin', () => {
    const folder = new URL('../../../../shared/data/iati/activities/edge-cases/', import.meta.url);
    let cr: string;
    try {
      cr = readFileSync(new URL('jsval_line-endings-cr.xml', folder), 'utf8');
    } catch {
      console.warn('note: ../shared/data/iati is missing; the CR-only real file was not checked');
      return;
    }
    const lines = (xml: string) =>
      events(xml, 4096).flatMap((event) => (event[0] === 'open' ? [event[3]] : []));
    expect(lines(cr)).toEqual(lines(cr.replaceAll('\r', '\n')));
    expect(Math.max(...lines(cr))).toBeGreaterThan(400);
  });

  it.each([
    ['<a><b></a>', 'doc.xml:1:7: closing tag </a> does not match <b> opened at line 1'],
    ['<a></a><b/>', 'doc.xml:1:8: only one root element is allowed; found <b> after it'],
    [
      '<a>&nbsp;</a>',
      'doc.xml:1:4: undefined entity &nbsp; (only the five XML entities are allowed)',
    ],
    ['<a>&#0;</a>', 'doc.xml:1:4: &#0; is not an XML character'],
    ['<a>AT&T</a>', "doc.xml:1:6: '&' must start a reference like &amp;"],
    ['<a x="1" x="2"/>', 'doc.xml:1:10: duplicate attribute x'],
    ['<a x=1/>', 'doc.xml:1:6: attribute values must be quoted'],
    ['<a x="1"y="2"/>', 'doc.xml:1:9: attributes must be separated by white space'],
    ['<a x="<"/>', "doc.xml:1:7: '<' is not allowed in an attribute value"],
    ['<a><!-- a -- b --></a>', "doc.xml:1:11: '--' is not allowed inside a comment"],
    ['<a>]]></a>', "doc.xml:1:4: ']]>' is not allowed in text"],
    ['<a>\u0001</a>', 'doc.xml:1:4: character U+0001 is not allowed in XML'],
    ['< a/>', "doc.xml:1:1: '<' must start a tag name"],
    ['<a/>\n<?xml version="1.0"?>', 'doc.xml:2:1: the XML declaration must start the file'],
    ['<?xml version="1.0" encoding=utf-8?><a/>', 'doc.xml:1:1: malformed XML declaration'],
    [
      '<!DOCTYPE a><a/>',
      'doc.xml:1:1: DOCTYPE refused: IATI files may not declare a DTD or entities',
    ],
    ['<!ENTITY x "y"><a/>', "doc.xml:1:1: '<!' must start a comment or a CDATA section"],
    ['<a>text', 'doc.xml:1:1: unclosed tag <a>'],
    ['<a><!-- never closed', 'doc.xml:1:4: unterminated comment'],
    ['x<a/>', 'doc.xml:1:1: not XML: text before the root element'],
    ['<a/>x', 'doc.xml:1:5: not XML: text after the root element'],
    ['', 'doc.xml:1:1: not an IATI file: no root element'],
  ])('refuses %j with its line and column', (xml, message) => {
    expect(failure(xml)).toBe(message);
  });

  it('refuses a tag longer than 1 MB instead of buffering it', () => {
    const huge = `<a v="${'x'.repeat((1 << 20) + 10)}"/>`;
    expect(failure(huge, 1 << 16)).toBe('doc.xml:1:1: tag <a is longer than 1 MB');
  });
});
