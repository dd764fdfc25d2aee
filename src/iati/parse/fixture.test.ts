import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FULL_ACTIVITY } from './fixtures/full-activity.expected.ts';
import { activity, only, parse } from './parse.testkit.ts';

const FIXTURE = new URL('./fixtures/full-activity.xml', import.meta.url);

describe('the hand-written fixture', () => {
  it('maps every part of the activity exactly', async () => {
    const { items, summary } = await parse(createReadStream(FIXTURE) as AsyncIterable<Buffer>);
    expect(items).toHaveLength(1);
    const [item] = items;
    if (!item?.ok) throw new Error(`rejected: ${JSON.stringify(item)}`);
    expect(item.activity).toEqual(FULL_ACTIVITY);
    expect(item.warnings).toEqual([]);
    expect(item.identifier).toBe('XM-DAC-46004-KZ-ROAD-7');
    expect(item.line).toBe(5);
    expect(summary).toMatchObject({ version: '2.03', legacy: false, activities: 1 });
  });
});

describe('text split by comments and CDATA sections', () => {
  it('keeps the whitespace between the pieces, and not the layout between elements', async () => {
    for (const title of [
      '<![CDATA[Roads]]> <![CDATA[and bridges]]>',
      'Roads<!-- a --> <!-- b -->and bridges',
      'Roads <![CDATA[and]]>\n<![CDATA[bridges]]>',
    ]) {
      const xml = activity().replace(
        '<narrative>Test road</narrative>',
        `\n   <narrative>${title}</narrative>\n  `,
      );
      const item = await only(xml);
      if (!item.ok) throw new Error(item.errors.join('; '));
      const expected = title.includes('\n') ? 'Roads and\nbridges' : 'Roads and bridges';
      expect(item.activity.titles[0]!.text).toBe(expected);
    }
  });
});
