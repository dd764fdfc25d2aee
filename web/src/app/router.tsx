/**
 * The few routing pieces the app uses — a location from the History API, links, a route table
 * with `:params`, and the query string as state — in the shape of react-router's API. It replaces
 * react-router (14 KB of gzip) to keep the home page within its 250 KB JavaScript budget.
 */
import {
  Children,
  createContext,
  isValidElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
}

interface NavigateOptions {
  replace?: boolean;
}
type To = string | Partial<Location>;
type Navigate = (to: To, options?: NavigateOptions) => void;

interface RouterState {
  location: Location;
  navigate: Navigate;
}

const RouterContext = createContext<RouterState | null>(null);
const ParamsContext = createContext<Record<string, string>>({});

const current = (): Location => ({
  pathname: window.location.pathname,
  search: window.location.search,
  hash: window.location.hash,
});

function hrefOf(to: To): string {
  if (typeof to === 'string') return to;
  const { pathname = window.location.pathname, search = '', hash = '' } = to;
  return `${pathname}${search && !search.startsWith('?') ? `?${search}` : search}${hash}`;
}

export function BrowserRouter({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback<Navigate>((to, options = {}) => {
    const href = hrefOf(to);
    if (options.replace) window.history.replaceState(null, '', href);
    else window.history.pushState(null, '', href);
    setLocation(current());
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterState {
  const router = useContext(RouterContext);
  if (!router) throw new Error('routing outside BrowserRouter');
  return router;
}

export const useLocation = (): Location => useRouter().location;
export const useNavigate = (): Navigate => useRouter().navigate;
export const useParams = (): Record<string, string | undefined> => useContext(ParamsContext);

type ParamsUpdate = URLSearchParams | ((current: URLSearchParams) => URLSearchParams);

/** The query string as state: setting it navigates (pushing, or replacing when asked). */
export function useSearchParams(): [
  URLSearchParams,
  (update: ParamsUpdate, options?: NavigateOptions) => void,
] {
  const { location, navigate } = useRouter();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const set = useCallback(
    (update: ParamsUpdate, options?: NavigateOptions) => {
      // Read the address as it is now, so that two updates in one event both count.
      const next =
        typeof update === 'function' ? update(new URLSearchParams(window.location.search)) : update;
      const search = next.toString();
      navigate(
        { pathname: window.location.pathname, search: search ? `?${search}` : '', hash: '' },
        options,
      );
    },
    [navigate],
  );
  return [params, set];
}

/** A link the router follows itself; modified clicks (new tab, download) stay the browser's. */
export function Link({
  to,
  replace,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; replace?: boolean }) {
  const navigate = useNavigate();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to, { replace: replace ?? false });
  };
  return <a href={to} onClick={follow} {...rest} />;
}

/** A link that says when it leads to the current page (`active` class, aria-current). */
export function NavLink({
  to,
  end = false,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; end?: boolean }) {
  const { pathname } = useLocation();
  const target = to.split('?')[0]!;
  const active = end || target === '/' ? pathname === target : pathname.startsWith(target);
  return (
    <Link
      to={to}
      className={active ? 'active' : undefined}
      aria-current={active ? 'page' : undefined}
      {...rest}
    />
  );
}

/** Matches a pattern such as `/projects/:id` (or `*`) against a path; returns its params. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern === '*') return {};
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    let value: string;
    try {
      value = decodeURIComponent(have[i]!);
    } catch {
      return null; // a malformed escape matches nothing
    }
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return null;
  }
  return params;
}

export function Route(_props: { path: string; element: ReactNode }): null {
  return null; // read by Routes
}

/** Shows the first route whose path matches the location. */
export function Routes({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  for (const child of Children.toArray(children)) {
    if (!isValidElement(child)) continue;
    const { path, element } = (child as ReactElement<{ path: string; element: ReactNode }>).props;
    const params = matchPath(path, pathname);
    if (params) return <ParamsContext.Provider value={params}>{element}</ParamsContext.Provider>;
  }
  return null;
}
