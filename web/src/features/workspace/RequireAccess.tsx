import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import type { Permission } from '../../../../src/accounts/access.ts';
import { useSession } from '../../app/session.tsx';
import { useLocalPath } from '../../app/url.ts';
import { Loading } from '../../components/Status.tsx';

/** Shows its page to a signed-in user whose roles allow it, and says why to anyone else. */
export function RequireAccess({
  permission,
  children,
}: {
  permission?: Permission;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const local = useLocalPath();
  if (!session.ready) return <Loading />;
  if (!session.user) {
    return (
      <section className="card">
        <h1>{t('workspace.signInFirst')}</h1>
        <p>
          <Link to={local('/signin')}>{t('nav.signIn')}</Link>
        </p>
      </section>
    );
  }
  if (permission && !session.can(permission)) {
    return (
      <section className="card">
        <h1>{t('errors.forbidden')}</h1>
        <p>{t('workspace.notForRole')}</p>
        <Link to={local('/workspace')}>{t('nav.workspace')}</Link>
      </section>
    );
  }
  return <>{children}</>;
}
