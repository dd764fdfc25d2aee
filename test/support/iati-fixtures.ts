import { Readable } from 'node:stream';
import type { ImportSource } from '../../src/iati/sources.ts';

/** Small IATI documents written for the tests (the real files live in ../shared). */

export interface ActivityOptions {
  id: string;
  title?: string;
  value?: string;
  currency?: string;
  country?: string;
  extra?: string;
}

export function activityXml({
  id,
  title = `Road section ${id}`,
  value = '1000000.00',
  currency = 'USD',
  country = 'KZ',
  extra = '',
}: ActivityOptions): string {
  return `
  <iati-activity last-updated-datetime="2024-01-01T00:00:00Z" xml:lang="en" default-currency="${currency}">
    <iati-identifier>${id}</iati-identifier>
    <reporting-org ref="XM-DAC-46004" type="40"><narrative>Asian Development Bank</narrative></reporting-org>
    <title><narrative>${title}</narrative></title>
    <description type="1"><narrative>Test activity written for Caravan's tests.</narrative></description>
    <participating-org ref="XM-DAC-46004" role="1" type="40"><narrative>Asian Development Bank</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2020-01-01"/>
    <recipient-country code="${country}" percentage="100"/>
    <sector vocabulary="1" code="21020" percentage="100"/>
    <transaction>
      <transaction-type code="2"/>
      <transaction-date iso-date="2020-02-01"/>
      <value value-date="2020-02-01">${value}</value>
    </transaction>${extra}
  </iati-activity>`;
}

export function iatiDocument(activities: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00Z">${activities.join('')}
</iati-activities>
`;
}

/** An import source that reads the given text, as if it were a file. */
export function textSource(path: string, text: string): ImportSource {
  return { path, size: text.length, open: () => Readable.from([Buffer.from(text)]) };
}
