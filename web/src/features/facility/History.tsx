import { useFormat } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { ProposalDetail, ProposalState } from './api.ts';
import { useFacilityText } from './text.ts';

/** Every step the proposal took: who moved it, from where to where, why and when. */
export function History({ detail }: { detail: ProposalDetail }) {
  const { t } = useFacilityText();
  const format = useFormat();
  const state = (s: string | null) => (s ? t(`facility.states.${s as ProposalState}`) : '—');
  return (
    <section className="card" aria-labelledby="proposal-history">
      <h2 id="proposal-history">{t('facility.proposal.history')}</h2>
      <DataTable
        caption={t('facility.proposal.history')}
        captionHidden
        rows={detail.transitions}
        rowKey={(_, i) => String(i)}
        columns={[
          { key: 'at', header: t('facility.proposal.when'), cell: (x) => format.dateTime(x.at) },
          { key: 'from', header: t('facility.proposal.from'), cell: (x) => state(x.from) },
          { key: 'to', header: t('facility.proposal.to'), cell: (x) => state(x.to) },
          { key: 'who', header: t('facility.proposal.who'), cell: (x) => x.actor },
          { key: 'reason', header: t('facility.proposal.reason'), cell: (x) => x.reason ?? '' },
        ]}
      />
      {detail.versions.length > 0 ? (
        <p className="note">
          {detail.versions
            .map((v) =>
              t('facility.proposal.versionFrozen', {
                version: v.version,
                who: v.frozenBy,
                date: format.date(v.frozenAt),
              }),
            )
            .join(' ')}
        </p>
      ) : null}
    </section>
  );
}
