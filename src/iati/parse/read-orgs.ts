import type {
  Contact,
  FlowOrg,
  OtherIdentifier,
  ParticipatingOrg,
  ReportingOrg,
} from '../../portfolio/activity.model.ts';
import { V1_ORGANISATION_ROLE, V1_ORGANISATION_TYPE } from './legacy-codes.ts';
import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';

const ORG_TYPE = { v1: V1_ORGANISATION_TYPE, lenient: true };

export function readReportingOrg(r: ActivityReader, activity: El): ReportingOrg {
  const el = r.one(activity, 'reporting-org', true);
  if (el === null) return { ref: '', type: null, narratives: [], secondaryReporter: null };
  return {
    ref: r.required(el, 'ref') ?? '',
    // Required by the 2.0x schema (iati-common.xsd), optional in version 1.
    type: r.code(el, 'type', 'OrganisationType', { ...ORG_TYPE, required: true }),
    narratives: r.narratives(el, true),
    secondaryReporter: r.boolean(el, 'secondary-reporter'),
  };
}

export function readParticipatingOrgs(r: ActivityReader, activity: El): ParticipatingOrg[] {
  const orgs: ParticipatingOrg[] = [];
  for (const el of r.all(activity, 'participating-org')) {
    const role = r.code(el, 'role', 'OrganisationRole', {
      required: true,
      v1: V1_ORGANISATION_ROLE,
      lenient: true,
    });
    if (role === null && r.legacy) continue;
    orgs.push({
      ref: r.value(el, 'ref'),
      type: r.code(el, 'type', 'OrganisationType', ORG_TYPE),
      narratives: r.narratives(el),
      role: role ?? '',
      activityId: r.value(el, 'activity-id'),
      crsChannelCode: r.value(el, 'crs-channel-code'),
    });
  }
  return orgs;
}

export function readOtherIdentifiers(r: ActivityReader, activity: El): OtherIdentifier[] {
  return r.all(activity, 'other-identifier').flatMap((el): OtherIdentifier[] => {
    // Version 1: the identifier is the text; @owner-ref and @owner-name name who assigned it.
    if (r.legacy && !r.has(el, 'ref')) {
      const ownerRef = r.value(el, 'owner-ref');
      const ownerName = r.value(el, 'owner-name');
      const ownerOrg =
        ownerRef === null && ownerName === null
          ? null
          : {
              ref: ownerRef,
              type: null,
              narratives: ownerName ? [{ lang: r.language(el, el.node), text: ownerName }] : [],
            };
      return [{ ref: el.node.text.trim(), type: 'A9', ownerOrg }];
    }
    r.noText(el);
    const type = r.code(el, 'type', 'OtherIdentifierType', { required: true }) ?? '';
    if (r.value(el, 'ref') === null) {
      // KOICA's and IADB's files name an owner but no identifier: nothing to keep.
      r.warn(el, 'has no @ref; left out');
      return [];
    }
    const owner = r.one(el, 'owner-org');
    return [
      {
        ref: r.required(el, 'ref') ?? '',
        type,
        ownerOrg: owner && {
          ref: r.value(owner, 'ref'),
          type: null,
          narratives: r.narratives(owner),
        },
      },
    ];
  });
}

/** A transaction's or planned disbursement's provider-org or receiver-org. */
export function readFlowOrg(
  r: ActivityReader,
  parent: El,
  name: 'provider-org' | 'receiver-org',
): FlowOrg | null {
  const el = r.one(parent, name);
  if (el === null) return null;
  const activityAttribute =
    name === 'provider-org' ? 'provider-activity-id' : 'receiver-activity-id';
  return {
    ref: r.value(el, 'ref'),
    type: r.code(el, 'type', 'OrganisationType', ORG_TYPE),
    narratives: r.narratives(el),
    activityId: r.value(el, activityAttribute),
  };
}

export function readContacts(r: ActivityReader, activity: El): Contact[] {
  return r.all(activity, 'contact-info').map((el) => {
    const text = (name: string) => {
      const part = r.one(el, name);
      return part ? r.narratives(part, true) : [];
    };
    const plain = (name: string) =>
      r
        .all(el, name)
        .map((part) => part.node.text.trim())
        .filter((value) => value !== '');
    return {
      type: r.code(el, 'type', 'ContactType'),
      organisation: text('organisation'),
      department: text('department'),
      personName: text('person-name'),
      jobTitle: text('job-title'),
      telephone: plain('telephone'),
      email: plain('email'),
      website: plain('website'),
      mailingAddress: r.all(el, 'mailing-address').map((part) => r.narratives(part, true)),
    };
  });
}
