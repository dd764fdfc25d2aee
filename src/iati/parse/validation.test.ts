import { describe, expect, it } from 'vitest';
import { activity, document, errorsOf, only, parse } from './parse.testkit.ts';

/** Errors of the test activity with `extra` elements added (they start on line 11). */
async function errors(extra: string, options = {}): Promise<string[]> {
  return errorsOf(await only(activity({ extra: `\n  ${extra}` }), options));
}

describe('validation of one activity', () => {
  it('accepts the plain test activity', async () => {
    expect(await errors('')).toEqual([]);
  });

  it('requires an identifier, a reporting organisation ref and a title with text', async () => {
    const xml = activity()
      .replace(
        '<iati-identifier>XM-DAC-46004-T1</iati-identifier>',
        '<iati-identifier> </iati-identifier>',
      )
      .replace(' ref="XM-DAC-46004" type="40"', ' type="40"')
      .replace('<narrative>Test road</narrative>', '<narrative></narrative>');
    const item = await only(xml);
    expect(item).toMatchObject({ ok: false, identifier: null, line: 3 });
    expect(errorsOf(item)).toEqual([
      'line 4: iati-identifier: is empty',
      'line 5: reporting-org/@ref: is required',
      'line 6: title: has no narrative with text',
    ]);
  });

  it('refuses an identifier longer than the activity routes take', async () => {
    const id = `XM-DAC-46004-${'x'.repeat(488)}`;
    const xml = (text: string) => activity().replace('>XM-DAC-46004-T1<', `>${text}<`);
    expect(errorsOf(await only(xml(id.slice(0, 500))))).toEqual([]);
    expect(errorsOf(await only(xml(id)))).toEqual([
      'line 4: iati-identifier: is 501 characters long; an identifier may have at most 500',
    ]);
  });

  it('checks codes against their codelists, naming element path and line', async () => {
    expect(
      await errors(
        [
          '<sector vocabulary="1" code="21000"/>',
          '<sector vocabulary="2" code="999"/>',
          '<recipient-country code="XX" percentage="50"/>',
          '<recipient-region code="9999" percentage="50"/>',
          '<policy-marker code="6" significance="9"/>',
          '<budget type="3" status="1"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value currency="XYZ">1</value></budget>',
        ].join('\n  '),
      ),
    ).toEqual([
      'line 11: sector[1]/@code: "21000" is not a Sector code',
      'line 12: sector[2]/@code: "999" is not a SectorCategory code',
      'line 13: recipient-country/@code: "XX" is not a Country code',
      'line 14: recipient-region/@code: "9999" is not a Region code',
      'line 15: policy-marker/@significance: "9" is not a PolicySignificance code',
      'line 16: budget/@type: "3" is not a BudgetType code',
      'line 16: budget/value/@currency: "XYZ" is not a Currency code',
    ]);
  });

  it('checks the transaction type, organisation role and date type', async () => {
    const xml = activity()
      .replace('<transaction-type code="3"/>', '<transaction-type code="99"/>')
      .replace('role="1"', 'role="7"')
      .replace('type="1" iso-date', 'type="5" iso-date');
    expect(errorsOf(await only(xml))).toEqual([
      'line 8: participating-org/@role: "7" is not a OrganisationRole code',
      'line 10: activity-date/@type: "5" is not a ActivityDateType code',
      'line 12: transaction/transaction-type/@code: "99" is not a TransactionType code',
    ]);
  });

  it('checks sector percentages per vocabulary and warns only for the reporter’s own', async () => {
    const sectors = [
      '<sector vocabulary="1" code="21020" percentage="60"/>',
      '<sector vocabulary="1" code="23630" percentage="30"/>',
      '<sector vocabulary="2" code="210" percentage="100"/>',
      '<sector vocabulary="99" code="A" percentage="70"/>',
      '<sector vocabulary="99" code="B" percentage="70"/>',
    ];
    const item = await only(activity({ extra: `\n  ${sectors.join('\n  ')}` }));
    expect(errorsOf(item)).toEqual([
      'line 11: sector[1]: percentages of the 2 sector (vocabulary 1) shares add up to 90, not 100',
    ]);
    const fixed = await only(
      activity({ extra: `\n  ${sectors.join('\n  ').replace('"30"', '"40"')}` }),
    );
    expect(fixed.ok && fixed.warnings).toEqual([
      'line 14: sector[4]: percentages of the 2 sector (vocabulary 99) shares add up to 140, not 100',
    ]);
  });

  it('reads countries and the regions of each vocabulary as one split', async () => {
    const split = [
      '<recipient-country code="KZ" percentage="40"/>',
      '<recipient-region code="619" vocabulary="1" percentage="60"/>',
      '<recipient-region code="X1" vocabulary="99" percentage="60"/>',
    ];
    expect(await errors(split.join('\n  '))).toEqual([]);
    expect(await errors(split.slice(0, 2).join('\n  ').replace('"60"', '"50"'))).toEqual([
      'line 11: recipient-country: percentages of the 2 recipient-country and recipient-region shares add up to 90, not 100',
    ]);
  });

  it('needs a currency for every value, explicit or by default', async () => {
    const xml = activity().replace(' default-currency="USD"', '');
    expect(errorsOf(await only(xml))).toEqual([
      'line 14: transaction/value: has no @currency and the activity has no @default-currency',
    ]);
  });

  it('takes the value date from the value, else the transaction date or period start', async () => {
    const budget =
      '<budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value value-date="2023-12-15">5</value></budget>';
    const item = await only(activity({ extra: `\n  ${budget}` }));
    if (!item.ok) throw new Error(item.errors.join('\n'));
    expect(item.activity.budgets[0]?.amount.valueDate).toBe('2023-12-15');
    expect(item.activity.transactions[0]?.amount.valueDate).toBe('2024-02-01');
  });

  it('rejects an element repeated where it may appear once, and text inside a code element', async () => {
    expect(
      await errors(
        '<title><narrative>Again</narrative></title>\n  <activity-scope code="1">Global</activity-scope>',
      ),
    ).toEqual([
      'line 11: title[2]: <title> may appear only once here',
      'line 12: activity-scope: must not contain text',
    ]);
  });

  it('reads version 1 transaction letters in 2.0x files, with a warning', async () => {
    const item = await only(
      activity().replace('<transaction-type code="3"/>', '<transaction-type code="D"/>'),
    );
    expect(item.ok && item.activity.transactions[0]?.type).toBe('3');
    expect(item.ok && item.warnings).toEqual([
      'line 12: transaction/transaction-type/@code: version 1 code "D" read as "3"',
    ]);
  });

  it('normalises narrative languages to lower-case ISO 639-1 and warns about unknown ones', async () => {
    const titles =
      '<title><narrative xml:lang="ENG">Road</narrative><narrative xml:lang="RU">Дорога</narrative><narrative xml:lang="qq">?</narrative></title>';
    const xml = activity().replace('<title><narrative>Test road</narrative></title>', titles);
    const { items } = await parse(document(xml, 'version="2.03" xml:lang="FR"'));
    const [item] = items;
    if (!item?.ok) throw new Error('rejected');
    expect(item.activity.language).toBe('fr');
    expect(item.activity.titles.map((title) => title.lang)).toEqual(['en', 'ru', 'qq']);
    expect(item.activity.descriptions[0]?.narratives[0]?.lang).toBe('fr');
    expect(item.warnings).toEqual(['line 6: title/@xml:lang: unknown language "qq" kept as "qq"']);
  });

  it('requires the reporting organisation’s type, as the 2.0x schema does', async () => {
    const xml = activity().replace(' ref="XM-DAC-46004" type="40"', ' ref="XM-DAC-46004"');
    expect(errorsOf(await only(xml))).toEqual(['line 5: reporting-org/@type: is required']);
  });

  it('reads an activity by its file’s version 2 rules, whatever its own @version says', async () => {
    expect(errorsOf(await only(activity({ attributes: 'version="1.03"' })))).toEqual([
      'line 3: iati-activity/@version: is not allowed in a version 2.03 file',
    ]);
    const bare = activity({ attributes: 'version=""' }).replace(
      '<title><narrative>Test road</narrative></title>',
      '<title>Test road</title>',
    );
    expect(errorsOf(await only(bare))).toEqual([
      'line 3: iati-activity/@version: is not allowed in a version 2.03 file',
      'line 6: title: text must be inside <narrative> elements (IATI 2.0x)',
    ]);
  });

  it('lists every reason, not only the first', async () => {
    const xml = activity({ value: '1e6' }).replace(
      'iso-date="2024-02-01"',
      'iso-date="2024-13-01"',
    );
    expect(errorsOf(await only(xml))).toEqual([
      'line 13: transaction/transaction-date/@iso-date: "2024-13-01" is not a real date (YYYY-MM-DD)',
      'line 14: transaction/value: "1e6" is not a decimal number',
    ]);
  });

  it('applies only what the XSD enforces under schema checks', async () => {
    const xml = activity({ extra: '\n  <sector code="00000"/>' }).replace('XM-DAC-46004-T1', '');
    expect(errorsOf(await only(xml))).toHaveLength(2);
    expect(errorsOf(await only(xml, { checks: 'schema' }))).toEqual([]);
  });
});

describe('activities in the wrong place', () => {
  it('accounts for nested and misplaced activities, each as a rejected item', async () => {
    const inner = activity({ id: 'INNER' });
    const nested = activity({ id: 'OUTER', extra: `\n  ${inner}` });
    const { items } = await parse(
      document(`${nested}\n<wrapper>${activity({ id: 'WRAPPED' })}</wrapper>`),
    );
    expect(items.map((item) => [item.identifier, item.line, errorsOf(item)])).toEqual([
      [
        'OUTER',
        3,
        ['line 3: iati-activity: contains another iati-activity (line 11); activities cannot nest'],
      ],
      [null, 11, ['line 11: iati-activity: is nested inside the iati-activity at line 3']],
      ['WRAPPED', 31, ['line 31: iati-activity: is not a child of iati-activities']],
    ]);
  });

  it('reads a lone iati-activity as the root', async () => {
    const { items, summary } = await parse(activity({ attributes: 'version="2.03"' }));
    expect(items.map((item) => item.ok)).toEqual([true]);
    expect(summary.version).toBe('2.03');
  });
});
