import { describe, expect, it } from 'vitest';
import { activity, bytes, document, errorsOf, only, parse, refusal } from './parse.testkit.ts';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('hostile and broken input', () => {
  it('refuses a billion-laughs document at its DOCTYPE, expanding nothing', async () => {
    const laughs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    );
    const xml = `${HEAD}<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${laughs.join('\n')}\n]>\n<iati-activities version="2.03">&lol9;</iati-activities>`;
    const error = await refusal(xml);
    expect(error.message).toBe(
      'test.xml:2:1: DOCTYPE refused: IATI files may not declare a DTD or entities',
    );
  });

  it('refuses an external entity pointing at /etc/passwd and reads nothing from it', async () => {
    const xml = `${HEAD}<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${document(activity({ id: '&xxe;' }))}`;
    const error = await refusal(xml);
    expect([error.line, error.column]).toEqual([2, 1]);
    expect(error.message).not.toContain('root:');
  });

  it('refuses an entity reference that no DTD defines', async () => {
    const error = await refusal(document(activity({ id: '&xxe;' })));
    expect(error.reason).toBe('undefined entity &xxe; (only the five XML entities are allowed)');
    expect(error.line).toBe(4);
  });

  it('refuses unterminated tags, naming the innermost open tag and where it opened', async () => {
    const open = await refusal(
      `${HEAD}<iati-activities version="2.03">\n <iati-activity>\n  <title>\n    <narrative>Road`,
    );
    expect(open.message).toBe('test.xml:5:5: unclosed tag <narrative>');
    const cut = await refusal(
      `${HEAD}<iati-activities version="2.03">\n <iati-activity>\n  <title lang="en"`,
    );
    expect(cut.message).toBe('test.xml:4:3: unterminated tag <title');
  });

  it('rejects an activity with a 50 MB text node, streamed, and reads on with flat memory', async () => {
    const chunk = bytes('x'.repeat(1 << 16));
    let peak = 0;
    function* huge(): Generator<Uint8Array> {
      yield bytes(
        `${HEAD}<iati-activities version="2.03">\n${activity({ id: 'BIG', extra: '\n  <tag vocabulary="99" code="A"><narrative>' }).split('<narrative>Test road')[0]}`,
      );
      yield bytes('<narrative>');
      for (let sent = 0; sent < 50 << 20; sent += chunk.length) {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        yield chunk;
      }
      yield bytes(
        `</narrative></title>\n</iati-activity>\n${activity({ id: 'AFTER' })}\n</iati-activities>\n`,
      );
    }
    const before = process.memoryUsage().heapUsed;
    const { items } = await parse(huge());
    expect(items.map((item) => item.ok)).toEqual([false, true]);
    expect(errorsOf(items[0]!)).toEqual([
      'line 3: iati-activity: <narrative> at line 6 holds more than 1 MB of text',
    ]);
    expect(peak - before).toBeLessThan(48 << 20);
  }, 30_000);

  it('refuses binary garbage and a spreadsheet named .xml', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect((await refusal(garbage)).line).toBe(1);
    const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0);
    expect((await refusal(zip)).message).toMatch(/^test\.xml:1:\d+: /);
    expect((await refusal('This is not XML')).message).toBe(
      'test.xml:1:1: not XML: text before the root element',
    );
    expect((await refusal('')).reason).toBe('not an IATI file: no root element');
  });

  it('refuses a root that is not iati-activities', async () => {
    const error = await refusal(`${HEAD}<iati-organisations version="2.03"/>`);
    expect(error.message).toBe(
      'test.xml:2:1: not an IATI activity file: the root element is <iati-organisations>, not <iati-activities>',
    );
  });

  it('rejects percentages that add up to 250, and keeps the good activity beside it', async () => {
    const split = ['KZ" percentage="100', 'UZ" percentage="100', 'KG" percentage="50']
      .map((country) => `\n  <recipient-country code="${country}"/>`)
      .join('');
    const { items } = await parse(
      document(`${activity({ id: 'BAD', extra: split })}\n${activity({ id: 'GOOD' })}`),
    );
    expect(items.map((item) => [item.identifier, item.ok])).toEqual([
      ['BAD', false],
      ['GOOD', true],
    ]);
    expect(errorsOf(items[0]!)).toEqual([
      'line 11: recipient-country[1]: percentages of the 3 recipient-country shares add up to 250, not 100',
    ]);
  });

  it('rejects an empty percentage, which is not a number', async () => {
    const split = ['KZ" percentage="', 'KG" percentage="100']
      .map((country) => `\n  <recipient-country code="${country}"/>`)
      .join('');
    const item = await only(activity({ id: 'EMPTY', extra: split }));
    expect(errorsOf(item)).toEqual([
      'line 11: recipient-country[1]/@percentage: is empty; a percentage is a number from 0 to 100',
    ]);
  });

  it('rejects exponent notation, thousands separators and words as values', async () => {
    const { items } = await parse(
      document(
        ['1e6', '1,000.00', 'ten', ' 12.50 ']
          .map((value, i) => activity({ id: `V${i}`, value }))
          .join('\n'),
      ),
    );
    expect(items.map(errorsOf)).toEqual([
      ['line 14: transaction/value: "1e6" is not a decimal number'],
      ['line 28: transaction/value: "1,000.00" is not a decimal number'],
      ['line 42: transaction/value: "ten" is not a decimal number'],
      [],
    ]);
    const last = items[3];
    expect(last?.ok && last.activity.transactions[0]?.amount).toEqual({
      value: '12.50',
      currency: 'USD',
      valueDate: '2024-02-01',
    });
  });

  it('rejects dates that are not in the calendar', async () => {
    const extra =
      '\n  <activity-date type="2" iso-date="2023-02-30"/>\n  <activity-date type="3" iso-date="2024-02-29"/>';
    const { items } = await parse(document(activity({ extra })));
    expect(errorsOf(items[0]!)).toEqual([
      'line 11: activity-date[2]/@iso-date: "2023-02-30" is not a real date (YYYY-MM-DD)',
    ]);
  });

  it('keeps negative values: decommitments and reimbursements are real', async () => {
    const { items } = await parse(document(activity({ value: '-2500.00' })));
    const [item] = items;
    expect(item?.ok && item.activity.transactions[0]?.amount.value).toBe('-2500.00');
  });
});
