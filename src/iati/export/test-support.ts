/** Test support: a whole document as one string, and the visible note when schema tests skip. */
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { iatiDocument, type IatiWriteOptions } from './document.ts';
import { schemaUnavailable } from './xmllint.ts';

export const GENERATED_AT = '2025-03-01T12:00:00Z';

export async function documentText(
  activities: Iterable<ActivityInput> | AsyncIterable<ActivityInput>,
  options: Partial<IatiWriteOptions> = {},
): Promise<string> {
  let out = '';
  for await (const chunk of iatiDocument(activities, { generatedAt: GENERATED_AT, ...options })) {
    out += chunk;
  }
  return out;
}

/** A test name that says, when the schema checks cannot run, why they are skipped. */
export function needsSchema(name: string): string {
  return schemaUnavailable === null ? name : `${name} [SKIPPED: ${schemaUnavailable}]`;
}

if (schemaUnavailable !== null) {
  console.warn(`IATI schema validation tests are skipped: ${schemaUnavailable}`);
}
