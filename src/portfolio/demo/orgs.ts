/** Participating organisations: funders, the extending partner and the implementing ministry. */
import type { ParticipatingOrg } from '../activity.model.ts';
import type { Organisation } from '../../reference/organisations.ts';
import type { Ministry } from './kinds.ts';
import { profileOf } from './places.ts';
import type { Subject } from './subject.ts';

const DOMAIN: Readonly<Record<Ministry, string>> = {
  transport: 'Transport',
  energy: 'Energy',
  finance: 'Finance',
  customs: 'Customs',
  water: 'Water Resources',
  agriculture: 'Agriculture',
  education: 'Education',
  health: 'Health',
  emergencies: 'Emergency Situations',
  digital: 'Digital Development',
  tourism: 'Tourism',
};

/** The implementing agency in a member: a national ministry, or a PRC provincial department. */
export function ministryName(ministry: Ministry, iso2: string, subject: Subject): string {
  const domain = DOMAIN[ministry];
  if (iso2 === 'CN') {
    const lng = subject.places.find((l) => l.iso2 === 'CN')?.place.lng ?? 87;
    const region =
      lng > 100 ? 'Inner Mongolia Autonomous Region' : 'Xinjiang Uygur Autonomous Region';
    return `${region} Department of ${domain}`;
  }
  const formal = profileOf(iso2).formalEn;
  if (ministry === 'customs') return `State Customs Service of ${formal}`;
  if (ministry === 'tourism') return `Tourism Committee of ${formal}`;
  return `Ministry of ${domain} of ${formal}`;
}

const participant = (
  org: Organisation | null,
  role: string,
  name: string,
  type: string | null,
): ParticipatingOrg => ({
  ref: org?.ref ?? null,
  role,
  type: org?.type ?? type,
  narratives: [{ lang: 'en', text: name }],
  activityId: null,
  crsChannelCode: null,
});

export function participatingOrgs(
  funders: readonly Organisation[],
  lead: Organisation,
  ministries: readonly string[],
): ParticipatingOrg[] {
  const unique = funders.filter((org, i) => funders.findIndex((o) => o.ref === org.ref) === i);
  return [
    ...unique.map((org) => participant(org, '1', org.nameEn, null)),
    participant(lead, '3', lead.nameEn, null),
    // OrganisationType 10: government.
    ...ministries.map((name) => participant(null, '4', name, '10')),
  ];
}
