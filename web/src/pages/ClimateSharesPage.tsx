import { useState } from 'react';
import { useFormat } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useAction } from '../components/useAction.ts';
import { deleteShares, useShares, type SharesView } from '../features/climate/api.ts';
import { blankDraft, draftOf, SharesForm } from '../features/climate/SharesForm.tsx';
import { useClimateText } from '../features/climate/text.ts';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import '../features/climate/climate.css';

function Shares() {
  const { t } = useClimateText();
  const format = useFormat();
  const local = useLocalPath();
  const shares = useShares();
  const remove = useAction();
  const [draft, setDraft] = useState(blankDraft);
  const [message, setMessage] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const restart = () => {
    setDraft(blankDraft());
    setFormKey((k) => k + 1);
  };
  const saved = (text: string) => {
    setMessage(text);
    restart();
    shares.reload();
  };
  const drop = (s: SharesView) => {
    if (!window.confirm(t('climate.shares.confirmRemove', { id: s.iatiIdentifier }))) return;
    void remove
      .run(() => deleteShares(s.iatiIdentifier))
      .then((ok) => {
        if (ok) saved(t('climate.shares.removed', { id: s.iatiIdentifier }));
      });
  };
  const part = (s: SharesView, key: 'mitigationPercent' | 'adaptationPercent' | 'dualPercent') =>
    s.components.map((c) => `${c[key]}%`).join(' · ');
  return (
    <>
      <div className="page-head">
        <h1>{t('climate.shares.title')}</h1>
        <p className="lead">{t('climate.shares.lead')}</p>
      </div>
      {message ? (
        <p className="success-message" role="status">
          {message}
        </p>
      ) : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
      <SharesForm key={formKey} draft={draft} onDraft={setDraft} onSaved={saved} />
      <section className="card" aria-labelledby="shares-list">
        <h2 id="shares-list">{t('climate.shares.recorded')}</h2>
        {shares.state === 'failed' ? <ErrorMessage error={shares.error} /> : null}
        {shares.state === 'loading' ? <Loading /> : null}
        {shares.data ? (
          <DataTable
            caption={t('climate.shares.recorded')}
            captionHidden
            rows={shares.data.activities}
            rowKey={(s) => s.iatiIdentifier}
            empty={t('climate.shares.none')}
            columns={[
              {
                key: 'activity',
                header: t('climate.shares.activity'),
                cell: (s) => (
                  <>
                    <Link to={local(`/projects/${encodeURIComponent(s.iatiIdentifier)}`)}>
                      {s.iatiIdentifier}
                    </Link>{' '}
                    {s.demo ? <span className="badge demo">{t('climate.shares.demo')}</span> : null}
                  </>
                ),
              },
              {
                key: 'components',
                header: t('climate.shares.component'),
                cell: (s) =>
                  s.components
                    .map((c) =>
                      c.component
                        ? `${c.component} (${c.componentPercent}%)`
                        : t('climate.shares.wholeActivity'),
                    )
                    .join(' · '),
              },
              {
                key: 'mitigation',
                header: t('climate.shares.mitigationPercent'),
                cell: (s) => part(s, 'mitigationPercent'),
              },
              {
                key: 'adaptation',
                header: t('climate.shares.adaptationPercent'),
                cell: (s) => part(s, 'adaptationPercent'),
              },
              {
                key: 'dual',
                header: t('climate.shares.dualPercent'),
                cell: (s) => part(s, 'dualPercent'),
              },
              { key: 'source', header: t('climate.shares.source'), cell: (s) => s.source },
              {
                key: 'assessed',
                header: t('climate.shares.assessedOn'),
                cell: (s) => format.date(s.assessedOn),
              },
              { key: 'by', header: t('climate.shares.recordedBy'), cell: (s) => s.recordedBy },
              {
                key: 'actions',
                header: '',
                cell: (s) => (
                  <div className="actions">
                    <button
                      type="button"
                      className="button secondary"
                      aria-label={`${t('climate.shares.edit')}: ${s.iatiIdentifier}`}
                      onClick={() => {
                        setDraft(draftOf(s));
                        setFormKey((k) => k + 1);
                        window.scrollTo(0, 0);
                      }}
                    >
                      {t('climate.shares.edit')}
                    </button>
                    <button
                      type="button"
                      className="button danger"
                      aria-label={`${t('climate.shares.remove')}: ${s.iatiIdentifier}`}
                      disabled={remove.busy}
                      onClick={() => drop(s)}
                    >
                      {t('climate.shares.remove')}
                    </button>
                  </div>
                ),
              },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}

export default function ClimateSharesPage() {
  const { t } = useClimateText();
  usePageTitle(t('climate.shares.title'));
  return (
    <RequireAccess permission="climate.manage">
      <Shares />
    </RequireAccess>
  );
}
