import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '../../../src/accounts/access.ts';
import type { ApiToken, NewApiToken } from '../../../src/accounts/token.schema.ts';
import { sendJson } from '../app/api.ts';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useApi } from '../app/useApi.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';

/** What a token can be scoped to: the holder's permissions beyond anyone's. */
const SCOPABLE = PERMISSIONS.filter((p) => p !== 'public' && p !== 'session');

function Tokens() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const tokens = useApi<{ tokens: ApiToken[] }>('/api/tokens', { fresh: true });
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Set<Permission>>(new Set());
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mine = SCOPABLE.filter((p) => session.can(p));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const token = await sendJson<NewApiToken>('POST', '/api/tokens', {
        name,
        permissions: [...chosen],
      });
      setCreated(token);
      setName('');
      setChosen(new Set());
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const revoke = async (token: ApiToken) => {
    if (!window.confirm(t('tokens.confirmRevoke', { name: token.name }))) return;
    setError(null);
    try {
      await sendJson('DELETE', `/api/tokens/${token.id}`);
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('tokens.title')}</h1>
        <p className="lead">{t('tokens.lead')}</p>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <section className="card">
        {tokens.state === 'failed' ? <ErrorMessage error={tokens.error} /> : null}
        {tokens.state === 'loading' ? <Loading /> : null}
        {tokens.data ? (
          <DataTable
            caption={t('tokens.title')}
            captionHidden
            rows={tokens.data.tokens}
            rowKey={(token) => String(token.id)}
            empty={t('tokens.none')}
            columns={[
              { key: 'name', header: t('tokens.name'), cell: (x) => x.name },
              { key: 'prefix', header: t('tokens.prefix'), cell: (x) => <code>{x.prefix}…</code> },
              {
                key: 'permissions',
                header: t('tokens.permissions'),
                cell: (x) => x.permissions.join(', '),
              },
              { key: 'created', header: t('users.created'), cell: (x) => format.date(x.createdAt) },
              {
                key: 'used',
                header: t('tokens.lastUsed'),
                cell: (x) => format.dateTime(x.lastUsedAt),
              },
              {
                key: 'state',
                header: t('common.status'),
                cell: (x) =>
                  x.revokedAt
                    ? t('tokens.revoked', { date: format.date(x.revokedAt) })
                    : t('tokens.active'),
              },
              {
                key: 'actions',
                header: <span className="visually-hidden">{t('users.actions')}</span>,
                cell: (x) =>
                  x.revokedAt ? null : (
                    <button type="button" className="button danger" onClick={() => void revoke(x)}>
                      {t('tokens.revoke')}
                      <span className="visually-hidden"> {x.name}</span>
                    </button>
                  ),
              },
            ]}
          />
        ) : null}
      </section>
      <form
        className="card stack"
        onSubmit={(e) => void create(e)}
        aria-labelledby="new-token-title"
      >
        <h2 id="new-token-title">{t('tokens.create')}</h2>
        {created ? (
          <div className="success-message" role="status">
            <p>{t('tokens.createdOnce')}</p>
            <p className="token-secret">{created.token}</p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="token-name">{t('tokens.name')}</label>
          <input
            id="token-name"
            type="text"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('tokens.permissions')}</legend>
          {mine.map((p) => (
            <div key={p}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(p)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(p);
                    else next.delete(p);
                    setChosen(next);
                  }}
                />{' '}
                <code>{p}</code>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            {t('tokens.createButton')}
          </button>
        </div>
      </form>
    </>
  );
}

export default function TokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('tokens.title'));
  return (
    <RequireAccess permission="tokens.own">
      <Tokens />
    </RequireAccess>
  );
}
