import { Link } from '../../app/router.tsx';
import { useFormat } from '../../app/format.ts';
import { useNames } from '../../app/names.ts';
import { useLocalPath } from '../../app/url.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { ProposalSummary } from './api.ts';
import { useMoney } from './money.ts';
import { StateBadge } from './StateBadge.tsx';
import { useFacilityText } from './text.ts';

export const proposalHref = (reference: string) =>
  `/workspace/facility/proposals/${encodeURIComponent(reference)}`;

/** Proposals as a table: each reference opens the proposal. */
export function ProposalList({
  proposals,
  caption,
  empty,
}: {
  proposals: readonly ProposalSummary[];
  caption: string;
  empty?: string;
}) {
  const { t } = useFacilityText();
  const format = useFormat();
  const names = useNames();
  const money = useMoney();
  const local = useLocalPath();
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={proposals}
      rowKey={(p) => p.reference}
      empty={empty ?? t('facility.list.none')}
      columns={[
        {
          key: 'reference',
          header: t('facility.list.reference'),
          cell: (p) => <Link to={local(proposalHref(p.reference))}>{p.reference}</Link>,
        },
        { key: 'title', header: t('facility.list.title'), cell: (p) => p.title },
        {
          key: 'state',
          header: t('facility.list.state'),
          cell: (p) => <StateBadge state={p.state} />,
        },
        {
          key: 'countries',
          header: t('facility.list.countries'),
          cell: (p) => p.countries.map((c) => names.country(c.country)).join(', '),
        },
        {
          key: 'requested',
          header: t('facility.list.requested'),
          numeric: true,
          cell: (p) => money.usd(p.requestedUsd),
        },
        {
          key: 'updated',
          header: t('facility.list.updated'),
          cell: (p) => format.date(p.updatedAt),
        },
      ]}
    />
  );
}
