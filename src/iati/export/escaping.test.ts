import { describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { minimalActivity } from './fixtures.ts';
import { documentText, needsSchema } from './test-support.ts';
import {
  hasXmllint,
  schemaErrors,
  schemaUnavailable,
  wellFormednessErrors,
  xpathString,
} from './xmllint.ts';
import { REPLACEMENT } from './xml.ts';

const CONTROLS = '\u0000\u0001\u0007\u000b\u000c\u001b\u001f\uFFFE\uFFFF\uD800';
const HOSTILE = `<script>alert("x")</script> & &amp; ]]> <![CDATA[ x ]]> 'single' "double" ${CONTROLS} 🚧👩‍👩‍👧 a\r\nb\tc\n`;
/** XML 1.0's Char production, negated: what no XML 1.0 document can hold. */
const notXml = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
};
/** What an XML parser reads back: the text, with each character XML 1.0 cannot carry replaced. */
const READ_BACK = Array.from(HOSTILE, (char) => (notXml(char) ? REPLACEMENT : char)).join('');

function hostileActivity(): ActivityInput {
  const activity = minimalActivity();
  activity.iatiIdentifier = `XM-DAC-46004-<&>"'-🚧`;
  activity.titles = [{ lang: null, text: HOSTILE }];
  activity.descriptions = [{ type: '1', narratives: [{ lang: null, text: ']]>' }] }];
  const org = activity.participatingOrgs[0];
  if (org) org.ref = HOSTILE;
  activity.relatedActivities = [{ ref: 'a"b\'c<d>e&f\tg\nh\ri', type: '1' }];
  activity.documents = [
    {
      url: 'https://example.org/search?q=a&b=<c>&d="e"',
      format: 'text/html',
      title: [{ lang: null, text: HOSTILE }],
      description: [],
      categories: ['A01'],
      languages: [],
      documentDate: null,
    },
  ];
  return activity;
}

describe('hostile text', () => {
  it('is replaced only where XML 1.0 cannot carry it', () => {
    expect(Array.from(HOSTILE).filter(notXml)).toHaveLength(CONTROLS.length);
    expect(Array.from(READ_BACK).some(notXml)).toBe(false);
    expect(READ_BACK).toContain('🚧👩‍👩‍👧');
  });

  it('keeps the document well-formed', { skip: !hasXmllint }, async () => {
    expect(await wellFormednessErrors(await documentText([hostileActivity()]))).toEqual([]);
  });

  it(needsSchema('keeps the document valid'), { skip: schemaUnavailable !== null }, async () => {
    expect(await schemaErrors(await documentText([hostileActivity()]))).toEqual([]);
  });

  it('reads back as written, in text and in attributes', { skip: !hasXmllint }, async () => {
    const text = await documentText([hostileActivity()]);
    expect(await xpathString(text, 'string(//iati-activity/title/narrative)')).toBe(READ_BACK);
    expect(await xpathString(text, 'string(//participating-org/@ref)')).toBe(READ_BACK);
    expect(await xpathString(text, 'string(//related-activity/@ref)')).toBe(
      'a"b\'c<d>e&f\tg\nh\ri',
    );
    expect(await xpathString(text, 'string(//document-link/@url)')).toBe(
      'https://example.org/search?q=a&b=<c>&d="e"',
    );
    expect(await xpathString(text, 'string(//description/narrative)')).toBe(']]>');
    expect(await xpathString(text, 'string(//iati-identifier)')).toBe(`XM-DAC-46004-<&>"'-🚧`);
  });
});
