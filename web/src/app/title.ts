import { useEffect } from 'react';

/** The document title names the page first, then the site. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} — Caravan`;
  }, [title]);
}
