import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from './router.tsx';
import { isLanguage, rememberLanguage, type Language } from './i18n.ts';

/**
 * Keeps the language in every URL, so a copied link opens in the language it was seen in:
 * a URL without `lang` gets the current one, and a URL with another one switches to it.
 */
export function useLanguageInUrl(): void {
  const { i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const asked = params.get('lang');
    if (isLanguage(asked)) {
      if (asked !== i18n.language) {
        rememberLanguage(asked);
        void i18n.changeLanguage(asked);
      }
      return;
    }
    params.set('lang', i18n.language);
    void navigate(
      { pathname: location.pathname, search: `?${params.toString()}`, hash: location.hash },
      { replace: true },
    );
  }, [location, i18n, navigate]);
}

export function useSwitchLanguage(): (language: Language) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (language: Language) =>
      setParams((params) => {
        params.set('lang', language);
        return params;
      }),
    [setParams],
  );
}

/** A path inside the app with the current language, for links that are shared or opened anew. */
export function useLocalPath(): (path: string) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (path: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${i18n.language}`,
    [i18n.language],
  );
}

/** One query parameter as view state; setting it replaces the history entry. */
export function useUrlParam(key: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null) =>
      setParams(
        (current) => {
          if (value === null || value === '') current.delete(key);
          else current.set(key, value);
          return current;
        },
        { replace: true },
      ),
    [key, setParams],
  );
  return [params.get(key), set];
}
