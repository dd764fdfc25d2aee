import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { usePageTitle } from '../app/title.ts';
import { useLocalPath } from '../app/url.ts';
import { ErrorMessage } from '../components/Status.tsx';

export default function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const session = useSession();
  const navigate = useNavigate();
  const local = useLocalPath();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email, password);
      void navigate(local('/workspace'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h1>{t('signIn.title')}</h1>
      <p className="note">{t('signIn.lead')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        {error ? <ErrorMessage error={error} title={t('signIn.failed')} /> : null}
        <div className="field">
          <label htmlFor="signin-email">{t('signIn.email')}</label>
          <input
            id="signin-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="signin-password">{t('signIn.password')}</label>
          <input
            id="signin-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('status.loading') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
