/** A whole iati-activities document, streamed: the header, each activity as it comes, the footer. */
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { AppError } from '../../errors.ts';
import { renderActivity } from './activity.ts';
import { isDateTime } from './lexical.ts';
import { escapeAttribute, XmlWriter } from './xml.ts';

export interface SkippedActivity {
  iatiIdentifier: string;
  reasons: string[];
}

export interface IatiWriteOptions {
  /** ISO date-time for iati-activities/@generated-datetime. */
  generatedAt: string;
  /**
   * Told of each activity left out because IATI 2.03 cannot carry it as stored (see
   * activity.ts). The document also says so in a comment where the activity would have been.
   */
  onSkip?: (skipped: SkippedActivity) => void;
}

export const IATI_VERSION = '2.03';

/**
 * Yields one string per activity, so memory holds one activity at a time whatever the
 * portfolio's size. An export with no activity at all is well-formed but not valid: the schema
 * wants at least one iati-activity.
 */
export async function* iatiDocument(
  activities: AsyncIterable<ActivityInput> | Iterable<ActivityInput>,
  options: IatiWriteOptions,
): AsyncGenerator<string> {
  if (!isDateTime(options.generatedAt)) {
    throw new AppError(
      'bad_request',
      `generatedAt is not an ISO date-time: ${options.generatedAt}`,
    );
  }
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<iati-activities version="${IATI_VERSION}" generated-datetime="${escapeAttribute(options.generatedAt)}">\n`
  );
  for await (const activity of inOrder(activities)) {
    const { xml, problems } = renderActivity(activity);
    if (problems.length === 0) {
      yield xml;
      continue;
    }
    options.onSkip?.({ iatiIdentifier: activity.iatiIdentifier, reasons: problems });
    const note = new XmlWriter(1);
    note.comment(`activity ${activity.iatiIdentifier} left out: ${problems.join('; ')}`);
    yield note.toString();
  }
  yield '</iati-activities>\n';
}

async function* inOrder<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
