import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from './router.tsx';
import type { PortfolioOverview } from '../../../src/portfolio/overview.service.ts';
import { LANGUAGES } from './i18n.ts';
import { useSession } from './session.tsx';
import { useLocalPath, useSwitchLanguage } from './url.ts';
import { useApi } from './useApi.ts';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const switchTo = useSwitchLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('layout.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => switchTo(language)}
        >
          {language === 'en' ? 'English' : 'Русский'}
        </button>
      ))}
    </div>
  );
}

function DemoNotice() {
  const { t } = useTranslation();
  const overview = useApi<PortfolioOverview>('/api/overview');
  if (!overview.data || overview.data.demoActivities === 0) return null;
  const all = overview.data.demoActivities === overview.data.activities;
  return (
    <div className="demo-notice" role="note">
      <strong>{t('layout.demoTitle')}</strong> {all ? t('layout.demoAll') : t('layout.demoSome')}
    </div>
  );
}

/** Moves focus to the page's heading after navigation, so screen readers announce the new page. */
function useFocusOnNavigate(target: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    target.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [pathname, target]);
}

/**
 * On a narrow screen the main navigation folds behind a menu button (a disclosure: CSS shows
 * the button and hides the closed list below 760 px). It closes when a link is followed, and on
 * Escape, which returns focus to the button.
 */
function useMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return { open, button, toggle: () => setOpen(!open), close: () => setOpen(false), onKeyDown };
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const local = useLocalPath();
  const main = useRef<HTMLElement>(null);
  const menu = useMenu();
  useFocusOnNavigate(main);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="container header-row" onKeyDown={menu.onKeyDown}>
          <Link to={local('/')} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span>
              <span className="brand-name">Caravan</span>
              <span className="brand-sub">{t('layout.tagline')}</span>
            </span>
          </Link>
          <button
            ref={menu.button}
            type="button"
            className="menu-button"
            aria-expanded={menu.open}
            aria-controls="main-nav"
            onClick={menu.toggle}
          >
            <span className="menu-icon" aria-hidden="true" />
            <span className="visually-hidden">{t('layout.menu')}</span>
          </button>
          <nav
            id="main-nav"
            aria-label={t('layout.mainNav')}
            className={menu.open ? 'main-nav open' : 'main-nav'}
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('a')) menu.close();
            }}
          >
            <NavLink to={local('/')} end>
              {t('nav.home')}
            </NavLink>
            <NavLink to={local('/explore')}>{t('nav.explore')}</NavLink>
            <NavLink to={local('/climate')}>{t('nav.climate')}</NavLink>
            <NavLink to={local('/results')}>{t('nav.results')}</NavLink>
            <NavLink to={local('/report')}>{t('nav.report')}</NavLink>
            <NavLink to={local('/facility')}>{t('nav.facility')}</NavLink>
            {session.user ? (
              <NavLink to={local('/workspace')}>{t('nav.workspace')}</NavLink>
            ) : (
              <NavLink to={local('/signin')}>{t('nav.signIn')}</NavLink>
            )}
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <DemoNotice />
      <main id="main" ref={main} tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('layout.footer')}</p>
          <p>
            <a href="/api/openapi.json">{t('layout.api')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
