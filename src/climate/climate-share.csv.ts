import { AppError } from '../errors.ts';
import { splitCsvLine } from '../reference/fx.csv.ts';
import type { SharesInput } from './climate-share.model.ts';

export const SHARES_CSV_HEADER = [
  'iati_identifier',
  'component',
  'component_percent',
  'mitigation_percent',
  'adaptation_percent',
  'dual_percent',
  'source',
  'assessed_on',
] as const;

export interface CsvActivity {
  iatiIdentifier: string;
  /** The lines its rows are on, for messages. */
  lines: number[];
  input: SharesInput;
  /** Problems found reading its rows; the activity is rejected when there are any. */
  problems: string[];
}

/**
 * Reads a shares file, one row per component (an empty component for the activity as a
 * whole), grouped by activity. A wrong header refuses the file; a wrong row rejects only its
 * activity, with the line named.
 */
export function parseSharesCsv(text: string, file: string): CsvActivity[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  if (header.join(',') !== SHARES_CSV_HEADER.join(',')) {
    throw new AppError(
      'bad_request',
      `${file}:1: the header must be ${SHARES_CSV_HEADER.join(',')} (found ${JSON.stringify(lines[0] ?? '')})`,
    );
  }
  const activities = new Map<string, CsvActivity>();
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const at = `${file}:${index + 2}`;
    const fields = splitCsvLine(line);
    const [identifier = '', component, componentPercent, mitigation, adaptation, dual] = fields;
    const [source = '', assessedOn = ''] = fields.slice(6);
    const activity = activities.get(identifier) ?? {
      iatiIdentifier: identifier,
      lines: [],
      input: { source, assessedOn, components: [] },
      problems: [],
    };
    activities.set(identifier, activity);
    activity.lines.push(index + 2);
    if (fields.length !== SHARES_CSV_HEADER.length) {
      activity.problems.push(
        `${at}: ${fields.length} fields, expected ${SHARES_CSV_HEADER.length}`,
      );
      return;
    }
    if (identifier === '') activity.problems.push(`${at}: iati_identifier: empty`);
    if (source !== activity.input.source || assessedOn !== activity.input.assessedOn) {
      activity.problems.push(
        `${at}: source and assessed_on differ from the activity's first row (line ${activity.lines[0]})`,
      );
    }
    activity.input.components.push({
      component: component ?? '',
      componentPercent: componentPercent || '100',
      mitigationPercent: mitigation ?? '',
      adaptationPercent: adaptation ?? '',
      dualPercent: dual || '0',
    });
  });
  return [...activities.values()];
}
