import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src/accounts/user.model.ts';
import type { UserWithPassword } from '../../../src/accounts/user.service.ts';
import { ROLES, type Role } from '../../../src/accounts/role.model.ts';
import { sendJson } from '../app/api.ts';
import { useFormat } from '../app/format.ts';
import { usePageTitle } from '../app/title.ts';
import { useApi } from '../app/useApi.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';

/** Which scope a role takes: a member country, an organisation ref, or none. */
const SCOPE: Record<Role, 'country' | 'organisation' | null> = {
  admin: null,
  secretariat: null,
  committee: null,
  focal_point: 'country',
  partner_officer: 'organisation',
  reviewer: 'country',
};

function AddUser({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('secretariat');
  const [scope, setScope] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<UserWithPassword | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setAdded(null);
    const kind = SCOPE[role];
    const grant = { role, ...(kind ? { [kind]: scope.trim() || null } : {}) };
    try {
      const result = await sendJson<UserWithPassword>('POST', '/api/users', {
        email,
        name,
        grants: [grant],
      });
      setAdded(result);
      setEmail('');
      setName('');
      setScope('');
      onAdded();
    } catch (failure) {
      setError(failure);
    }
  };
  const kind = SCOPE[role];
  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('users.add')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {added ? (
        <div className="success-message" role="status">
          {t('users.added', { email: added.user.email })}
          {added.password ? (
            <>
              {' '}
              {t('users.passwordOnce')} <span className="token-secret">{added.password}</span>
            </>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="user-email">{t('signIn.email')}</label>
        <input
          id="user-email"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="user-name">{t('users.name')}</label>
        <input
          id="user-name"
          type="text"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="user-role">{t('users.role')}</label>
        <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {kind ? (
        <div className="field">
          <label htmlFor="user-scope">
            {kind === 'country' ? t('users.country') : t('users.organisation')}
          </label>
          <input
            id="user-scope"
            type="text"
            required
            value={scope}
            onChange={(e) => setScope(e.target.value)}
          />
          <span className="field-hint">
            {kind === 'country' ? t('users.countryHint') : t('users.organisationHint')}
          </span>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button">
          {t('users.addButton')}
        </button>
      </div>
    </form>
  );
}

function Users() {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useApi<{ users: User[] }>('/api/users', { fresh: true });
  const [error, setError] = useState<unknown>(null);
  const disable = async (email: string) => {
    if (!window.confirm(t('users.confirmDisable', { email }))) return;
    setError(null);
    try {
      await sendJson('POST', `/api/users/${encodeURIComponent(email)}/disable`);
      users.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <section className="card">
        {users.state === 'failed' ? <ErrorMessage error={users.error} /> : null}
        {users.state === 'loading' ? <Loading /> : null}
        {users.data ? (
          <DataTable
            caption={t('users.title')}
            captionHidden
            rows={users.data.users}
            rowKey={(u) => u.email}
            columns={[
              { key: 'email', header: t('signIn.email'), cell: (u) => u.email },
              { key: 'name', header: t('users.name'), cell: (u) => u.name },
              {
                key: 'roles',
                header: t('users.role'),
                cell: (u) =>
                  u.grants
                    .map((g) =>
                      [t(`roles.${g.role}`), g.country, g.organisation].filter(Boolean).join(' · '),
                    )
                    .join('; '),
              },
              {
                key: 'status',
                header: t('common.status'),
                cell: (u) => t(`users.status.${u.status}`),
              },
              { key: 'created', header: t('users.created'), cell: (u) => format.date(u.createdAt) },
              {
                key: 'actions',
                header: <span className="visually-hidden">{t('users.actions')}</span>,
                cell: (u) =>
                  u.status === 'active' ? (
                    <button
                      type="button"
                      className="button danger"
                      onClick={() => void disable(u.email)}
                    >
                      {t('users.disable')}
                      <span className="visually-hidden"> {u.email}</span>
                    </button>
                  ) : null,
              },
            ]}
          />
        ) : null}
      </section>
      <AddUser onAdded={users.reload} />
    </>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  return (
    <RequireAccess permission="users.read">
      <Users />
    </RequireAccess>
  );
}
