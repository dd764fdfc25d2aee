/** Organisations: the reporting one, the participating ones, owners and providers/receivers. */
import type {
  FlowOrg,
  OtherIdentifier,
  ParticipatingOrg,
  ReportingOrg,
} from '../../portfolio/activity.model.ts';
import { flag, type ActivityContext } from './context.ts';
import { narratives } from './narratives.ts';

export function reportingOrg(ctx: ActivityContext, org: ReportingOrg): void {
  const where = 'reporting-org';
  ctx.require(org.type !== null, where, 'a @type (OrganisationType)');
  ctx.require(org.narratives.length > 0, where, 'a name (narrative)');
  const attributes = {
    ref: org.ref,
    type: org.type,
    'secondary-reporter': flag(org.secondaryReporter),
  };
  ctx.xml.element('reporting-org', attributes, () => narratives(ctx, where, org.narratives));
}

export function participatingOrgs(ctx: ActivityContext, orgs: ParticipatingOrg[]): void {
  ctx.require(orgs.length > 0, 'participating-org', 'at least one participating organisation');
  orgs.forEach((org, i) => {
    const attributes = {
      ref: org.ref,
      type: org.type,
      role: org.role,
      'activity-id': org.activityId,
      'crs-channel-code': org.crsChannelCode,
    };
    const where = `participating-org[${i + 1}]`;
    ctx.xml.element('participating-org', attributes, () => narratives(ctx, where, org.narratives));
  });
}

/**
 * The owner's `type` is not written: IATI 2.03's other-identifier/owner-org has no type
 * attribute (the model reuses OrgRef there), so an imported activity always has it null.
 */
export function otherIdentifiers(ctx: ActivityContext, identifiers: OtherIdentifier[]): void {
  identifiers.forEach((identifier, i) => {
    const where = `other-identifier[${i + 1}]/owner-org`;
    ctx.xml.element('other-identifier', { ref: identifier.ref, type: identifier.type }, () => {
      const owner = identifier.ownerOrg;
      if (owner === null) return;
      ctx.xml.element('owner-org', { ref: owner.ref }, () =>
        narratives(ctx, where, owner.narratives),
      );
    });
  });
}

/** provider-org or receiver-org of a transaction or a planned disbursement. */
export function flowOrg(
  ctx: ActivityContext,
  where: string,
  side: 'provider' | 'receiver',
  org: FlowOrg | null,
): void {
  if (org === null) return;
  const attributes = { ref: org.ref, [`${side}-activity-id`]: org.activityId, type: org.type };
  const name = `${side}-org`;
  ctx.xml.element(name, attributes, () => narratives(ctx, `${where}/${name}`, org.narratives));
}
