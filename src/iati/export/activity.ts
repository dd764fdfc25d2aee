/**
 * One activity as an IATI 2.03 `iati-activity` element, its children in the schema's order.
 *
 * All or nothing: an activity is written whole, or — when IATI 2.03 requires something it lacks
 * (a status, a date, a participating organisation, a title …) or a stored value does not fit
 * the schema's type — not at all, with the reasons. A code, date or role to fill a gap would be
 * invented data, and an empty stand-in would read back as data that was never there; leaving
 * the activity out keeps the file valid and everything in it exactly as stored.
 *
 * Not written: `cluster` and `corridors`, Caravan's own curation, which is not IATI data (an IATI
 * tag would present it as the reporting organisation's). legacy-data, crs-add and fss are not
 * in the model.
 */
import { AppError } from '../../errors.ts';
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { activityDates, activityStatus, contacts, descriptions } from './basics.ts';
import { classifications, recipients } from './classifications.ts';
import { ActivityContext, flag } from './context.ts';
import { conditions, documentLinks, relatedActivities } from './documents.ts';
import { budgets, capitalSpend, plannedDisbursements } from './finance.ts';
import { locations } from './locations.ts';
import { textElement } from './narratives.ts';
import { otherIdentifiers, participatingOrgs, reportingOrg } from './orgs.ts';
import { results } from './results.ts';
import { transactions } from './transactions.ts';
import { hasNonXmlCharacter } from './xml.ts';

/** An activity that IATI 2.03 cannot carry as stored, with the reasons. */
export class IatiExportError extends AppError {
  readonly iatiIdentifier: string;
  readonly reasons: string[];

  constructor(iatiIdentifier: string, reasons: string[]) {
    const message = `activity ${iatiIdentifier} cannot be written as IATI 2.03: ${reasons.join('; ')}`;
    super('conflict', message, { iatiIdentifier, reasons });
    this.name = 'IatiExportError';
    this.iatiIdentifier = iatiIdentifier;
    this.reasons = reasons;
  }
}

export interface RenderedActivity {
  /** The element, indented one level (as a child of iati-activities), ending with a newline. */
  xml: string;
  /** Why the element must not be published; empty when it is complete and valid. */
  problems: string[];
}

export function renderActivity(activity: ActivityInput): RenderedActivity {
  const ctx = new ActivityContext(activity.language, 1);
  const attributes = {
    'last-updated-datetime': ctx.dateTime('@last-updated-datetime', activity.lastUpdated),
    'xml:lang': ctx.lang('@xml:lang', activity.language),
    'default-currency': activity.defaultCurrency,
    humanitarian: flag(activity.humanitarian),
    hierarchy: ctx.int('@hierarchy', activity.hierarchy),
    'linked-data-uri': ctx.uri('@linked-data-uri', activity.linkedDataUri),
    'budget-not-provided': activity.budgetNotProvided,
  };
  ctx.xml.element('iati-activity', attributes, () => {
    // Text elsewhere may lose such a character to U+FFFD; an identifier must not change.
    if (hasNonXmlCharacter(activity.iatiIdentifier)) {
      ctx.problem('iati-identifier', 'holds a character that XML 1.0 cannot carry');
    }
    ctx.xml.text('iati-identifier', {}, activity.iatiIdentifier);
    reportingOrg(ctx, activity.reportingOrg);
    ctx.require(activity.titles.length > 0, 'title', 'a title');
    textElement(ctx, 'title', 'title', activity.titles);
    descriptions(ctx, activity.descriptions);
    participatingOrgs(ctx, activity.participatingOrgs);
    otherIdentifiers(ctx, activity.otherIdentifiers);
    activityStatus(ctx, activity.status);
    activityDates(ctx, activity.dates);
    contacts(ctx, activity.contacts);
    ctx.code('activity-scope', activity.scope);
    recipients(ctx, activity);
    locations(ctx, activity.locations);
    classifications(ctx, activity);
    budgets(ctx, activity.budgets);
    plannedDisbursements(ctx, activity.plannedDisbursements);
    capitalSpend(ctx, activity.capitalSpend);
    transactions(ctx, activity.transactions);
    documentLinks(ctx, '', activity.documents);
    relatedActivities(ctx, activity.relatedActivities);
    conditions(ctx, activity.conditions);
    results(ctx, activity.results);
  });
  return { xml: ctx.xml.toString(), problems: ctx.problems };
}

/** Why IATI 2.03 cannot carry this activity as stored; empty when it can. */
export function exportProblems(activity: ActivityInput): string[] {
  return renderActivity(activity).problems;
}

/** One `<iati-activity>` element; throws IatiExportError when the activity has problems. */
export function activityXml(activity: ActivityInput): string {
  const { xml, problems } = renderActivity(activity);
  if (problems.length > 0) throw new IatiExportError(activity.iatiIdentifier, problems);
  return xml;
}
