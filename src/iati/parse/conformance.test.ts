import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IatiFileError } from './errors.ts';
import { parseIatiStream } from './parse-stream.ts';
import { ACTIVITIES, HAVE_REAL_DATA, xmlFiles } from './real-data.testkit.ts';
import type { Checks } from './reader.ts';

const SUITE = join(ACTIVITIES, 'conformance');
const FILES = xmlFiles(SUITE);

/**
 * The schema's should-fail tests that break a rule the parser does not check, and why. Every
 * other should-fail file must be refused or have an activity rejected.
 */
const NOT_CHECKED: Record<string, string> = {
  '02-top-level-extensibility': 'unknown elements are ignored, not refused',
  '03-mixed-content-extensibility': 'unknown elements are ignored, not refused',
  '04-attribute-extensibility': 'unknown attributes are ignored, not refused',
  '15-generated-datetime': 'iati-activities/@generated-datetime is not read',
  '18-missing-iati-activities-version':
    'a missing @version means version 1 (2010 drafts and 1.0x files omit it)',
  'budget/06-missing-attribute-value-date': 'value/@value-date falls back to the period start',
  'planned-disbursement/06-missing-attribute-value-date':
    'value/@value-date falls back to the period start',
  'transaction/21-missing-attribute-value-date':
    'value/@value-date falls back to the transaction date',
  'default-aid-type/02-missing-attribute-code':
    'an aid type without @code is left out with a warning',
  'transaction/26-missing-attribute-aid-type-code':
    'an aid type without @code is left out with a warning',
  'transaction/31-missing-attribute-sector-code':
    'a transaction sector without @code is left out with a warning',
  'other-identifier/02-missing-attribute-ref':
    'an other-identifier without @ref is left out with a warning',
  'result/05-missing-attribute-indicator-measure':
    'an indicator without @measure is left out with a warning',
  'fss/01-two-fss': 'fss (forward spending) is not in the model',
  'fss/02-missing-attribute-extraction-date': 'fss is not in the model',
  'fss/03-missing-attribute-forecast-year': 'fss is not in the model',
  'fss/04-missing-forecast-data': 'fss is not in the model',
  'legacy-data/01-missing-attribute-value': 'legacy-data is not in the model',
  'legacy-data/02-missing-attribute-name': 'legacy-data is not in the model',
  'legacy-data/03-contains-text': 'legacy-data is not in the model',
};
const NOT_IN_MODEL = /\/crs-add\//; // crs-add (loan terms and status) is not in the model either

function unchecked(file: string): boolean {
  const key = file.replace(/^activity-tests\/should-fail\//, '').replace(/\.xml$/, '');
  return key in NOT_CHECKED || NOT_IN_MODEL.test(`/${file}`);
}

async function verdict(
  file: string,
  checks: Checks,
): Promise<{ refused: boolean; errors: string[]; activities: number }> {
  const errors: string[] = [];
  let activities = 0;
  try {
    for await (const item of parseIatiStream(createReadStream(join(SUITE, file)), {
      source: file,
      checks,
    })) {
      activities++;
      if (!item.ok) errors.push(...item.errors);
    }
  } catch (error) {
    if (error instanceof IatiFileError)
      return { refused: true, errors: [error.message], activities };
    throw error;
  }
  return { refused: false, errors, activities };
}

const SHOULD_PASS = FILES.filter((file) => file.includes('should-pass/'));
const SHOULD_FAIL = FILES.filter((file) => file.includes('should-fail/'));

describe.skipIf(!HAVE_REAL_DATA)('the IATI schema conformance suite', () => {
  it('is all here', () => {
    expect([SHOULD_PASS.length, SHOULD_FAIL.length]).toEqual([215, 225]);
  });

  it.each(SHOULD_PASS)('accepts should-pass %s under schema checks', async (file) => {
    const { refused, errors } = await verdict(file, 'schema');
    expect({ refused, errors }).toEqual({ refused: false, errors: [] });
  });

  it.each(SHOULD_FAIL)('agrees with should-fail %s', async (file) => {
    const { refused, errors } = await verdict(file, 'schema');
    const rejected = refused || errors.length > 0;
    expect(rejected, unchecked(file) ? 'listed as not checked, but rejected' : 'accepted').toBe(
      !unchecked(file),
    );
  });

  it('rejects should-pass files under full checks only for rules stricter than the schema', async () => {
    // The suite's files use placeholder codes ("xx") and empty identifiers, which the XSD allows.
    const stricter =
      /(is not a \w+ code|is empty|has no @currency .*|add up to [\d.]+, not 100|give no percentage.*)$/;
    for (const file of SHOULD_PASS) {
      const { refused, errors } = await verdict(file, 'full');
      expect(refused).toBe(false);
      for (const error of errors) expect(error, file).toMatch(stricter);
    }
  });
});
