import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, REPLACEMENT, XmlWriter } from './xml.ts';

describe('escaping', () => {
  it('escapes markup characters in text', () => {
    expect(escapeText('a < b && c > d ]]> "q" \'s\'')).toBe(
      'a &lt; b &amp;&amp; c &gt; d ]]&gt; "q" \'s\'',
    );
  });

  it('escapes quotes and whitespace an attribute would normalise', () => {
    expect(escapeAttribute('say "hi" & <go>\tnow\r\nthen')).toBe(
      'say &quot;hi&quot; &amp; &lt;go&gt;&#9;now&#13;&#10;then',
    );
  });

  it('keeps tabs and line feeds in text but escapes a carriage return', () => {
    expect(escapeText('a\tb\nc\r\nd')).toBe('a\tb\nc&#13;\nd');
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD', () => {
    const hostile = 'nul\u0000 bell\u0007 esc\u001b ff\uFFFE fff\uFFFF lone\uD800 end';
    expect(escapeText(hostile)).toBe(
      `nul${REPLACEMENT} bell${REPLACEMENT} esc${REPLACEMENT} ff${REPLACEMENT} fff${REPLACEMENT} lone${REPLACEMENT} end`,
    );
    expect(escapeAttribute('\u0001')).toBe(REPLACEMENT);
  });

  it('keeps characters outside the basic plane, such as emoji, whole', () => {
    expect(escapeText('road 🚧 and 𝔘')).toBe('road 🚧 and 𝔘');
  });

  it('leaves ordinary text untouched', () => {
    expect(escapeText('Алматы–Бишкек')).toBe('Алматы–Бишкек');
  });
});

describe('XmlWriter', () => {
  it('closes an element itself when it has no children', () => {
    const xml = new XmlWriter();
    xml.element('a', { code: '1', skipped: null }, () => xml.element('b', {}, () => {}));
    expect(xml.toString()).toBe('<a code="1">\n  <b/>\n</a>\n');
  });

  it('writes text verbatim, without indentation inside', () => {
    const xml = new XmlWriter(1);
    xml.text('narrative', { 'xml:lang': 'ru' }, 'line one\n  line two');
    expect(xml.toString()).toBe('  <narrative xml:lang="ru">line one\n  line two</narrative>\n');
  });

  it('writes a comment that cannot end early', () => {
    const xml = new XmlWriter();
    xml.comment('a -- b --> c-');
    expect(xml.toString()).toBe('<!-- a - - b - -> c-  -->\n');
  });
});
