import { describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { activityXml, exportProblems, IatiExportError } from './activity.ts';
import type { SkippedActivity } from './document.ts';
import { fullActivity, minimalActivity } from './fixtures.ts';
import { documentText, needsSchema } from './test-support.ts';
import { hasXmllint, schemaErrors, schemaUnavailable, wellFormednessErrors } from './xmllint.ts';

const skip = schemaUnavailable !== null;

function lacking(): ActivityInput {
  const activity = minimalActivity();
  activity.iatiIdentifier = 'XM-DAC-46004-LACKING';
  activity.status = null;
  activity.dates = [];
  activity.participatingOrgs = [];
  activity.titles = [];
  activity.descriptions = [];
  activity.reportingOrg = { ...activity.reportingOrg, type: null, narratives: [] };
  return activity;
}

describe('an activity that lacks what IATI 2.03 requires', () => {
  it('is not written, and every reason is given', () => {
    expect(exportProblems(lacking())).toEqual([
      'reporting-org: IATI 2.03 requires a @type (OrganisationType), and the activity has none',
      'reporting-org: IATI 2.03 requires a name (narrative), and the activity has none',
      'title: IATI 2.03 requires a title, and the activity has none',
      'description: IATI 2.03 requires a description, and the activity has none',
      'participating-org: IATI 2.03 requires at least one participating organisation, and the activity has none',
      'activity-status: IATI 2.03 requires an activity status, and the activity has none',
      'activity-date: IATI 2.03 requires an activity date, and the activity has none',
    ]);
    expect(() => activityXml(lacking())).toThrow(IatiExportError);
  });

  it('names each nested requirement that is missing', () => {
    const activity = fullActivity();
    const [link] = activity.documents;
    const [result] = activity.results;
    const [indicator] = result?.indicators ?? [];
    const [baseline] = indicator?.baselines ?? [];
    const [contact] = activity.contacts;
    if (!link || !result || !indicator || !baseline || !contact || !activity.conditions) {
      throw new Error('fullActivity() changed shape');
    }
    link.categories = [];
    baseline.year = null;
    indicator.title = [];
    contact.mailingAddress = [[]];
    activity.conditions.items = [{ type: '1', narratives: [] }];
    activity.countryBudgetItems = { vocabulary: '1', items: [] };
    activity.descriptions = [{ type: '1', narratives: [] }];
    activity.results.push({ ...result, title: [], indicators: [] });
    expect(exportProblems(activity).map((p) => p.split(':')[0])).toEqual([
      'description[1]',
      'contact-info[1]/mailing-address[1]',
      'country-budget-items',
      'document-link[1]',
      'conditions/condition[1]',
      'result[1]/indicator[1]/title',
      'result[1]/indicator[1]/baseline[1]',
      'result[2]',
      'result[2]/title',
    ]);
  });

  it('is reported when a stored value does not fit the schema’s type', () => {
    const activity = fullActivity();
    activity.language = 'en_GB';
    activity.hierarchy = 1.5;
    activity.dates[0] = { type: '1', isoDate: '2023-02-30', narratives: [] };
    const [transaction] = activity.transactions;
    const [location] = activity.locations;
    if (!transaction || !location?.point) throw new Error('fullActivity() changed shape');
    transaction.amount = { value: '1.2e6', currency: 'USD', valueDate: '2023-01-01' };
    location.point = { ...location.point, latitude: Number.NaN };
    activity.sectors[0] = { ...activity.sectors[0]!, percentage: 'half' };
    activity.linkedDataUri = 'https://example.org/%zz';
    expect(exportProblems(activity)).toEqual([
      '@xml:lang: "en_GB" is not a language code',
      '@hierarchy: 1.5 is not a whole number',
      '@linked-data-uri: "https://example.org/%zz" is not a URI',
      'activity-date[1]/@iso-date: "2023-02-30" is not a date',
      'location[1]/point/pos: latitude and longitude must be finite numbers',
      'sector[1]/@percentage: "half" is not a decimal number',
      'transaction[1]/value: "1.2e6" is not a decimal number',
    ]);
  });
});

describe('an identifier with a character XML 1.0 cannot carry', () => {
  it('keeps the activity out rather than change its identity', () => {
    const activity = minimalActivity();
    activity.iatiIdentifier = 'XM-DAC-46004-\u0001';
    expect(exportProblems(activity)).toEqual([
      'iati-identifier: holds a character that XML 1.0 cannot carry',
    ]);
  });
});

describe('a document with activities IATI 2.03 cannot carry', () => {
  it(needsSchema('leaves them out, says why, and stays valid'), { skip }, async () => {
    const skipped: SkippedActivity[] = [];
    const text = await documentText([fullActivity(), lacking(), minimalActivity()], {
      onSkip: (s) => skipped.push(s),
    });
    expect(skipped.map((s) => s.iatiIdentifier)).toEqual(['XM-DAC-46004-LACKING']);
    expect(skipped[0]?.reasons).toHaveLength(7);
    expect(text.match(/<iati-activity[ >]/g)).toHaveLength(2);
    expect(text).toContain('<!-- activity XM-DAC-46004-LACKING left out: reporting-org: IATI');
    expect(await schemaErrors(text)).toEqual([]);
  });

  it(
    'stays well-formed when the identifier would end a comment',
    { skip: !hasXmllint },
    async () => {
      const activity = lacking();
      activity.iatiIdentifier = 'X--> <b>&amp;\u0000-';
      expect(await wellFormednessErrors(await documentText([minimalActivity(), activity]))).toEqual(
        [],
      );
    },
  );

  it('with none left is well-formed, though the schema wants one activity', async () => {
    const text = await documentText([lacking()]);
    expect(text).not.toMatch(/<iati-activity[ >]/);
    if (hasXmllint) expect(await wellFormednessErrors(text)).toEqual([]);
  });
});

describe('a narrative without a language in an activity that has one', () => {
  it(needsSchema('says so with xml:lang=""'), { skip }, async () => {
    const activity = minimalActivity();
    activity.language = 'en';
    activity.titles = [
      { lang: null, text: 'Unknown language' },
      { lang: 'en', text: 'English' },
    ];
    const xml = activityXml(activity);
    expect(xml).toContain('<narrative xml:lang="">Unknown language</narrative>');
    expect(xml).toContain('<narrative>English</narrative>');
    expect(await schemaErrors(await documentText([activity]))).toEqual([]);
  });
});
