import { describe, expect, it } from 'vitest';
import { activityXml } from './activity.ts';
import { fullActivity, minimalActivity, withoutCuration } from './fixtures.ts';
import { documentText, GENERATED_AT, needsSchema } from './test-support.ts';
import { schemaErrors, schemaUnavailable } from './xmllint.ts';

const skip = schemaUnavailable !== null;

/** Every element of IATI 2.03 that the model has something for. */
const ELEMENTS = `iati-identifier reporting-org title description participating-org other-identifier
  owner-org activity-status activity-date contact-info organisation department person-name
  job-title telephone email website mailing-address activity-scope recipient-country
  recipient-region location location-reach location-id name activity-description administrative
  point pos exactness location-class feature-designation sector tag country-budget-items
  budget-item humanitarian-scope policy-marker collaboration-type default-flow-type
  default-finance-type default-aid-type default-tied-status budget period-start period-end value
  planned-disbursement provider-org receiver-org capital-spend transaction transaction-type
  transaction-date disbursement-channel flow-type finance-type aid-type tied-status
  document-link category language document-date related-activity conditions condition result
  reference indicator baseline dimension comment period target actual narrative`.split(/\s+/);

describe('an activity with every field of the model', () => {
  const xml = activityXml(fullActivity());

  it(needsSchema('validates against the IATI 2.03 schema'), { skip }, async () => {
    expect(await schemaErrors(await documentText([fullActivity()]))).toEqual([]);
  });

  it('writes every element the model has something for', () => {
    const missing = ELEMENTS.filter((name) => !new RegExp(`<${name}[ />]`).test(xml));
    expect(missing).toEqual([]);
  });

  it('names a narrative’s language only when it differs from the activity’s', () => {
    expect(xml).toContain(
      '<iati-activity last-updated-datetime="2024-11-06T09:30:00Z" xml:lang="en"',
    );
    expect(xml).toContain('<narrative>Almaty–Bishkek Regional Road Corridor</narrative>');
    expect(xml).toContain('<narrative xml:lang="ru">Региональный дорожный коридор');
  });

  it('writes each value exactly as stored, always with its currency and value date', () => {
    expect(xml).toContain('<value currency="USD" value-date="2021-01-15">120000000.00</value>');
    expect(xml).toContain('<value currency="EUR" value-date="2023-07-31">-300.25</value>');
    expect(xml).toContain('<value currency="USD" value-date="2023-01-01">.5</value>');
    expect(xml).toContain('percentage="30.0"');
  });

  it('writes booleans as 1 and 0', () => {
    expect(xml).toContain('humanitarian="0"');
    expect(xml).toContain('<transaction ref="XM-DAC-46004-CARAVAN-TEST-0001-C1" humanitarian="1">');
    expect(xml).toContain('<conditions attached="1">');
    expect(xml).toContain('<indicator measure="1" ascending="1" aggregation-status="0">');
  });

  it('writes a point as latitude then longitude, without exponent notation', () => {
    expect(xml).toContain('<pos>43.238949 76.889709</pos>');
    expect(xml).toContain('<pos>-0.0000001 74.5698</pos>');
  });

  it('leaves Caravan’s cluster and corridors out of IATI', () => {
    expect(activityXml(withoutCuration(fullActivity()))).toBe(xml);
  });
});

describe('a document', () => {
  it('declares IATI 2.03 and when it was generated', async () => {
    const text = await documentText([minimalActivity()]);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(text).toContain(`<iati-activities version="2.03" generated-datetime="${GENERATED_AT}">`);
    expect(text.endsWith('</iati-activities>\n')).toBe(true);
  });

  it(needsSchema('of a minimal activity validates'), { skip }, async () => {
    const text = await documentText([minimalActivity()]);
    expect(text).not.toContain('xml:lang');
    expect(await schemaErrors(text)).toEqual([]);
  });

  it('refuses a generated-at that is not a date-time', async () => {
    await expect(documentText([minimalActivity()], { generatedAt: 'yesterday' })).rejects.toThrow(
      /generatedAt/,
    );
  });
});
