import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const local = useLocalPath();
  usePageTitle(t('notFound.title'));
  return (
    <section className="card">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link to={local('/')}>{t('notFound.home')}</Link>
    </section>
  );
}
