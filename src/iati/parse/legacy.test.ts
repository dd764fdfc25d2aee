import { describe, expect, it } from 'vitest';
import { parse } from './parse.testkit.ts';

// Written for the tests in the IATI 1.01 style: text in elements, words for codes, letters for
// transaction types, v1 locations.
const V1 = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="1.01" generated-datetime="2012-06-13 14:17:13">
 <iati-activity version="1.01" xml:lang="en" default-currency="GBP" last-updated-datetime="2012-06-13 14:17:35">
  <iati-identifier>GB-1-100001</iati-identifier>
  <reporting-org ref="GB-1" type="10">Department for International Development</reporting-org>
  <participating-org role="Funding" ref="GB-1" type="Government">DFID</participating-org>
  <participating-org role="implementing">Ministry of Health</participating-org>
  <participating-org role="beneficiary">Patients</participating-org>
  <title>Health sector support</title>
  <title xml:lang="fr">Appui au secteur de la santé</title>
  <description type="General">Supports primary health care.</description>
  <activity-status code="2">Implementation</activity-status>
  <activity-date type="start-planned" iso-date="2010-04-01">1 April 2010</activity-date>
  <activity-date type="end-actual">2012-03-31</activity-date>
  <recipient-country code="KG">Kyrgyz Republic</recipient-country>
  <sector vocabulary="DAC" code="12220" percentage="60">Basic health care</sector>
  <sector vocabulary="DAC" code="12230" percentage="40">Basic health infrastructure</sector>
  <sector vocabulary="RO">Health</sector>
  <policy-marker vocabulary="DAC" code="1" significance="1">Gender Equality</policy-marker>
  <other-identifier owner-ref="GB-CHC-1" owner-name="Partner">P-77</other-identifier>
  <budget type="Original"><value currency="GBP">1000</value></budget>
  <transaction>
   <transaction-type code="C">Commitment</transaction-type>
   <value value-date="2010-04-01">5000000</value>
   <transaction-date iso-date="2010-04-01"/>
   <provider-org ref="GB-1" provider-activity-id="GB-1-100000">DFID</provider-org>
   <description>Grant agreement signed</description>
  </transaction>
  <transaction><transaction-type code="IF"/><value>250.5</value><transaction-date>2011-05-06</transaction-date></transaction>
  <transaction><transaction-type code="D"/><value value-date="">-100</value><transaction-date iso-date="2011-07-01"/></transaction>
  <location percentage="100">
   <name>Osh</name>
   <coordinates latitude="40.53" longitude="72.8" precision="3"/>
   <administrative country="KG" adm1="Osh">Osh Oblast</administrative>
   <gazetteer-entry gazetteer-ref="GEO">1527534</gazetteer-entry>
   <location-type code="PPLA"/>
  </location>
  <document-link url="http://example.org/doc.pdf" format="application/pdf"><title>Business case</title><category code="A01"/></document-link>
  <result type="output" aggregation-status="false">
   <title>Clinics built</title>
   <indicator measure="1" ascending="true">
    <title>Number of clinics</title>
    <baseline year="2010" value="0"/>
    <period><period-start iso-date="2011-01-01"/><period-end iso-date="2011-12-31"/><target value="10"/><actual value="8"/></period>
   </indicator>
  </result>
 </iati-activity>
</iati-activities>
`;

describe('IATI 1.0x files', () => {
  it('are read on a best-effort mapping, and the summary says so', async () => {
    const { items, summary } = await parse(V1);
    expect(summary).toEqual({
      version: '1.01',
      legacy: true,
      activities: 1,
      bytes: Buffer.byteLength(V1),
    });
    const [item] = items;
    if (!item?.ok) throw new Error(JSON.stringify(item));
    const a = item.activity;
    expect(a.lastUpdated).toBe('2012-06-13T14:17:35');
    expect(a.reportingOrg).toEqual({
      ref: 'GB-1',
      type: '10',
      narratives: [{ lang: 'en', text: 'Department for International Development' }],
      secondaryReporter: null,
    });
    expect(a.titles).toEqual([
      { lang: 'en', text: 'Health sector support' },
      { lang: 'fr', text: 'Appui au secteur de la santé' },
    ]);
    expect(a.participatingOrgs.map((org) => [org.role, org.type, org.narratives[0]?.text])).toEqual(
      [
        ['1', '10', 'DFID'],
        ['4', null, 'Ministry of Health'],
      ],
    );
    expect(a.descriptions).toEqual([
      { type: '1', narratives: [{ lang: 'en', text: 'Supports primary health care.' }] },
    ]);
    expect(a.status).toBe('2');
    expect(a.dates).toEqual([
      { type: '1', isoDate: '2010-04-01', narratives: [{ lang: 'en', text: '1 April 2010' }] },
      { type: '4', isoDate: '2012-03-31', narratives: [] },
    ]);
    expect(a.recipientCountries).toEqual([
      { code: 'KG', percentage: null, narratives: [{ lang: 'en', text: 'Kyrgyz Republic' }] },
    ]);
    expect(a.sectors.map((sector) => [sector.vocabulary, sector.code, sector.percentage])).toEqual([
      ['1', '12220', '60'],
      ['1', '12230', '40'],
    ]);
    expect(
      a.policyMarkers.map((marker) => [marker.vocabulary, marker.code, marker.significance]),
    ).toEqual([['1', '1', '1']]);
    expect(a.otherIdentifiers).toEqual([
      {
        ref: 'P-77',
        type: 'A9',
        ownerOrg: { ref: 'GB-CHC-1', type: null, narratives: [{ lang: 'en', text: 'Partner' }] },
      },
    ]);
    expect(a.budgets).toEqual([]);
    expect(
      a.transactions.map((t) => [
        t.type,
        t.date,
        t.amount.value,
        t.amount.currency,
        t.amount.valueDate,
      ]),
    ).toEqual([
      ['2', '2010-04-01', '5000000', 'GBP', '2010-04-01'],
      ['1', '2011-05-06', '250.5', 'GBP', '2011-05-06'],
      ['3', '2011-07-01', '-100', 'GBP', '2011-07-01'],
    ]);
    expect(a.transactions[0]?.providerOrg).toEqual({
      ref: 'GB-1',
      type: null,
      narratives: [{ lang: 'en', text: 'DFID' }],
      activityId: 'GB-1-100000',
    });
    expect(a.transactions[0]?.description).toEqual([
      { lang: 'en', text: 'Grant agreement signed' },
    ]);
    expect(a.locations[0]).toMatchObject({
      name: [{ lang: 'en', text: 'Osh' }],
      point: {
        srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326',
        latitude: 40.53,
        longitude: 72.8,
      },
      administratives: [{ vocabulary: 'A4', level: null, code: 'KG' }],
      ids: [{ vocabulary: 'G1', code: '1527534' }],
      featureDesignation: 'PPLA',
    });
    expect(a.documents[0]).toMatchObject({
      format: 'application/pdf',
      title: [{ lang: 'en', text: 'Business case' }],
      categories: ['A01'],
    });
    expect(a.results[0]).toMatchObject({
      type: '1',
      aggregationStatus: false,
      title: [{ lang: 'en', text: 'Clinics built' }],
    });
    expect(a.results[0]?.indicators[0]).toMatchObject({
      measure: '1',
      ascending: true,
      baselines: [{ year: 2010, value: '0' }],
      periods: [
        {
          periodStart: '2011-01-01',
          periodEnd: '2011-12-31',
          targets: [{ value: '10' }],
          actuals: [{ value: '8' }],
        },
      ],
    });
    expect(item.warnings).toEqual([
      'line 8: participating-org[3]/@role: "beneficiary" is not a OrganisationRole code; ignored (version 1 file)',
      'line 18: sector[3]: has no @code; left out (version 1 file)',
      'line 21: budget: has no period; left out (version 1 file)',
    ]);
  });
});
