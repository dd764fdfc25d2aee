import { useTranslation } from 'react-i18next';
import { ApiError, UNREACHABLE } from '../app/api.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </div>
  );
}

/**
 * What went wrong, in words: the API's own message, headed by what kind of failure it was. The
 * API speaks English; on a page in another language its words are marked as English.
 */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  let heading = title ?? t('errors.title');
  let detail = '';
  let fromServer = false;
  if (error instanceof ApiError) {
    if (error.code === UNREACHABLE) {
      heading = t('errors.unreachable');
      detail = t('errors.unreachableDetail');
    } else if (!title) {
      if (error.status === 404) heading = t('errors.notFound');
      else if (error.status === 401) heading = t('errors.unauthorized');
      else if (error.status === 403) heading = t('errors.forbidden');
      else if (error.status === 429) heading = t('errors.rateLimited');
      else if (error.status >= 500) heading = t('errors.server');
      else if (error.status === 400) heading = t('errors.badRequest');
    }
    if (error.code !== UNREACHABLE) {
      detail = error.message;
      fromServer = true;
    }
  } else {
    detail = error instanceof Error ? error.message : String(error);
  }
  const details =
    error instanceof ApiError && Array.isArray(error.details)
      ? (error.details as unknown[]).filter(
          (d): d is { path: string; message: string } =>
            typeof d === 'object' && d !== null && 'message' in d,
        )
      : [];
  return (
    <div className="error-message" role="alert">
      <p className="error-heading">{heading}</p>
      {fromServer && !english ? (
        <p>
          {t('errors.serverSaid')} <span lang="en">{detail}</span>
        </p>
      ) : (
        <p>{detail}</p>
      )}
      {details.length > 0 && (
        <ul lang={english ? undefined : 'en'}>
          {details.map((d, i) => (
            <li key={i}>
              {d.path ? <code>{d.path}</code> : null} {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
