import type {
  ActivityDate,
  ActivityInput,
  Description,
  Narrative,
} from '../../portfolio/activity.model.ts';
import type { RawActivity, RootInfo, XmlNode } from './activity-tree.ts';
import { isLegacyVersion, V1_ACTIVITY_DATE_TYPE, V1_DESCRIPTION_TYPE } from './legacy-codes.ts';
import {
  readAidTypes,
  readCountryBudgetItems,
  readHumanitarianScopes,
  readPolicyMarkers,
  readSectors,
  readTags,
} from './read-classifications.ts';
import { readConditions, readDocuments, readRelatedActivities } from './read-documents.ts';
import { readBudgets, readCapitalSpend, readPlannedDisbursements } from './read-finance.ts';
import { readGeography } from './read-geography.ts';
import { readLocations } from './read-locations.ts';
import {
  readContacts,
  readOtherIdentifiers,
  readParticipatingOrgs,
  readReportingOrg,
} from './read-orgs.ts';
import { readResults } from './read-results.ts';
import { readTransactions } from './read-transactions.ts';
import { rootEl, type El } from './el.ts';
import { ActivityReader, type Checks } from './reader.ts';
import type { ParsedActivity } from './types.ts';
import { isoDateTime } from './values.ts';
import { getAttribute } from './xml-tag.ts';

/** The longest iati-identifier stored: the activity routes take no longer one. */
const IDENTIFIER_MAX_LENGTH = 500;

/** Maps one activity's tree to the model and validates it, collecting every reason to reject. */
export function readActivity(
  raw: RawActivity,
  root: RootInfo | null,
  checks: Checks,
): ParsedActivity {
  const { node } = raw;
  const activity = rootEl(node);
  if (raw.problem !== null) {
    const identifier = identifierOf(node);
    return {
      ok: false,
      identifier,
      line: node.line,
      errors: [`line ${node.line}: iati-activity: ${raw.problem}`],
    };
  }
  // A version 2 file's version holds for all of it: an activity's own @version (a version 1
  // attribute, which 2.0x does not allow) cannot turn its checks down to version 1's.
  const own = getAttribute(node.attributes, 'version') ?? null;
  const fileVersion = root?.name === 'iati-activities' ? root.version : null;
  const underVersion2 = fileVersion !== null && !isLegacyVersion(fileVersion);
  const version = underVersion2 ? fileVersion : (own ?? fileVersion);
  const r = new ActivityReader(isLegacyVersion(version), checks);
  if (underVersion2 && own !== null && r.full) {
    r.error(activity, `is not allowed in a version ${fileVersion} file`, 'version');
  }

  const idEl = r.one(activity, 'iati-identifier', true);
  const identifier = idEl?.node.text.trim() ?? '';
  if (idEl && identifier === '' && r.full) r.error(idEl, 'is empty');
  // Identifiers name activities in addresses (/api/activities/…); real ones stay far below.
  if (idEl && identifier.length > IDENTIFIER_MAX_LENGTH && r.full) {
    r.error(
      idEl,
      `is ${identifier.length} characters long; an identifier may have at most ${IDENTIFIER_MAX_LENGTH}`,
    );
  }
  const defaultCurrency = r.code(activity, 'default-currency', 'Currency');
  const titles = readTitles(r, activity);
  const geography = readGeography(r, activity);
  const code = (name: string, list: Parameters<ActivityReader['code']>[2]): string | null => {
    const el = r.one(activity, name);
    return el && r.codeElement(el, list, { lenient: true });
  };

  const result: ActivityInput = {
    iatiIdentifier: identifier,
    language: r.language(activity, node),
    lastUpdated: readDateTime(r, activity),
    hierarchy: readHierarchy(r, activity),
    humanitarian: r.boolean(activity, 'humanitarian'),
    budgetNotProvided: r.value(activity, 'budget-not-provided'),
    linkedDataUri: r.value(activity, 'linked-data-uri'),
    defaultCurrency,
    reportingOrg: readReportingOrg(r, activity),
    titles,
    descriptions: readDescriptions(r, activity),
    participatingOrgs: readParticipatingOrgs(r, activity),
    otherIdentifiers: readOtherIdentifiers(r, activity),
    status: code('activity-status', 'ActivityStatus'),
    dates: readDates(r, activity),
    contacts: readContacts(r, activity),
    scope: code('activity-scope', 'ActivityScope'),
    recipientCountries: geography.recipientCountries,
    recipientRegions: geography.recipientRegions,
    locations: readLocations(r, activity),
    sectors: readSectors(r, activity),
    tags: readTags(r, activity),
    countryBudgetItems: readCountryBudgetItems(r, activity),
    humanitarianScopes: readHumanitarianScopes(r, activity),
    policyMarkers: readPolicyMarkers(r, activity),
    collaborationType: code('collaboration-type', 'CollaborationType'),
    defaultFlowType: code('default-flow-type', 'FlowType'),
    defaultFinanceType: code('default-finance-type', 'FinanceType'),
    defaultAidTypes: readAidTypes(r, activity, 'default-aid-type'),
    defaultTiedStatus: code('default-tied-status', 'TiedStatus'),
    budgets: readBudgets(r, activity, { defaultCurrency }),
    plannedDisbursements: readPlannedDisbursements(r, activity, { defaultCurrency }),
    capitalSpend: readCapitalSpend(r, activity),
    transactions: readTransactions(r, activity, { defaultCurrency }),
    documents: readDocuments(r, activity),
    relatedActivities: readRelatedActivities(r, activity),
    conditions: readConditions(r, activity),
    results: readResults(r, activity),
    cluster: null,
    corridors: [],
  };
  if (!r.legacy) requireParts(r, activity);
  const line = node.line;
  if (r.errors.length > 0)
    return { ok: false, identifier: identifier || null, line, errors: inLineOrder(r.errors) };
  return { ok: true, activity: result, line, identifier, warnings: inLineOrder(r.warnings) };
}

// Parts the 2.03 schema requires in every activity; version 1 required none of them.
const REQUIRED_PARTS = ['description', 'participating-org', 'activity-status', 'activity-date'];

function requireParts(r: ActivityReader, activity: El): void {
  for (const name of REQUIRED_PARTS) {
    if (r.all(activity, name).length === 0) r.error(activity, `<${name}> is required`);
  }
}

/** Messages in document order (they are found part by part); they all start "line N: ". */
function inLineOrder(messages: string[]): string[] {
  const lines = messages.map((message) => Number(/^line (\d+)/.exec(message)?.[1] ?? 0));
  if (lines.every((line, i) => i === 0 || (lines[i - 1] ?? 0) <= line)) return messages;
  const order = messages.map((_, i) => i).sort((a, b) => (lines[a] ?? 0) - (lines[b] ?? 0));
  return order.map((i) => messages[i] ?? '');
}

function identifierOf(node: XmlNode): string | null {
  const text = node.children.find((child) => child.name === 'iati-identifier')?.text.trim();
  return text ? text : null;
}

/** Version 1 allowed a title per language; 2.0x has one title with narratives. */
function readTitles(r: ActivityReader, activity: El): Narrative[] {
  if (r.legacy) {
    const titles = r.all(activity, 'title').flatMap((title) => r.narratives(title));
    if (!titles.some((title) => title.text !== '') && r.full)
      r.error(activity, 'has no title with text');
    return titles;
  }
  const title = r.one(activity, 'title', true);
  if (title === null) return [];
  const narratives = r.narratives(title, true);
  const blank = narratives.length > 0 && narratives.every((narrative) => narrative.text === '');
  if (blank && r.full) r.error(title, 'has no narrative with text');
  return narratives;
}

function readDescriptions(r: ActivityReader, activity: El): Description[] {
  return r.all(activity, 'description').map((el) => ({
    type: r.code(el, 'type', 'DescriptionType', { v1: V1_DESCRIPTION_TYPE, lenient: true }),
    narratives: r.narratives(el, true),
  }));
}

function readDates(r: ActivityReader, activity: El): ActivityDate[] {
  const dates: ActivityDate[] = [];
  for (const el of r.all(activity, 'activity-date')) {
    const type = r.code(el, 'type', 'ActivityDateType', {
      required: true,
      v1: V1_ACTIVITY_DATE_TYPE,
      lenient: true,
    });
    if (r.value(el, 'iso-date') === null && el.node.text.trim() === '') {
      // The World Bank's files hold empty planned dates: nothing to keep, nothing wrong.
      r.warn(el, 'has no @iso-date; left out');
      continue;
    }
    const isoDate = r.dateElement(el);
    // A version 1 date given as text is the date, not a narrative about it.
    const narratives = r.value(el, 'iso-date') === null ? [] : r.narratives(el);
    if (type !== null && isoDate !== null) dates.push({ type, isoDate, narratives });
  }
  return dates;
}

function readDateTime(r: ActivityReader, activity: El): string | null {
  const raw = r.value(activity, 'last-updated-datetime');
  if (raw === null) return null;
  // Version 1 files write "2012-06-13 14:17:35"; the space stands for the T.
  const value = isoDateTime(r.legacy ? raw.replace(' ', 'T') : raw);
  if (value === null && r.legacy)
    r.warn(activity, `"${raw}" is not a date and time; left out`, 'last-updated-datetime');
  else if (value === null)
    r.error(activity, `"${raw}" is not a date and time`, 'last-updated-datetime');
  return value;
}

function readHierarchy(r: ActivityReader, activity: El): number | null {
  const raw = r.value(activity, 'hierarchy');
  if (raw === null) return null;
  if (/^[+-]?\d{1,9}$/.test(raw)) return Number(raw);
  r.error(activity, `"${raw}" is not a whole number`, 'hierarchy');
  return null;
}
