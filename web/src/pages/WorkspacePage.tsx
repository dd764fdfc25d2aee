import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from '../app/router.tsx';
import type { Permission } from '../../../src/accounts/access.ts';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';

const TOOLS: {
  path: string;
  permission: Permission;
  key: 'facility' | 'climate' | 'results' | 'import' | 'users' | 'tokens' | 'audit';
}[] = [
  { path: '/workspace/facility', permission: 'facility.read', key: 'facility' },
  { path: '/workspace/climate', permission: 'climate.manage', key: 'climate' },
  { path: '/workspace/results', permission: 'results.manage', key: 'results' },
  { path: '/workspace/import', permission: 'iati.import', key: 'import' },
  { path: '/workspace/users', permission: 'users.read', key: 'users' },
  { path: '/workspace/tokens', permission: 'tokens.own', key: 'tokens' },
  { path: '/workspace/audit', permission: 'audit.read', key: 'audit' },
];

function Workspace() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const local = useLocalPath();
  const user = session.user!;
  return (
    <>
      <div className="page-head">
        <h1>{t('workspace.title')}</h1>
        <p className="lead">
          {t('workspace.signedInAs', { name: user.name, email: user.email })}{' '}
          {user.grants
            .map((g) =>
              [t(`roles.${g.role}`), g.country, g.organisation].filter(Boolean).join(' · '),
            )
            .join('; ')}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button secondary"
            onClick={() => void session.signOut().then(() => navigate(local('/')))}
          >
            {t('workspace.signOut')}
          </button>
        </div>
      </div>
      <div className="workspace-links">
        {TOOLS.filter((tool) => session.can(tool.permission)).map((tool) => (
          <Link key={tool.key} to={local(tool.path)} className="card">
            <h2>{t(`workspace.tools.${tool.key}.title`)}</h2>
            <p>{t(`workspace.tools.${tool.key}.text`)}</p>
          </Link>
        ))}
      </div>
    </>
  );
}

export default function WorkspacePage() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.title'));
  return (
    <RequireAccess>
      <Workspace />
    </RequireAccess>
  );
}
