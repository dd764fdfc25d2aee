import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { SessionAnswer } from '../../../src/accounts/session.schema.ts';
import { permissionsOf, type Permission } from '../../../src/accounts/access.ts';
import { getJson, sendJson, setCsrfToken } from './api.ts';

export interface SessionState {
  /** Null until the server has answered. */
  ready: boolean;
  user: SessionAnswer['user'];
  can(permission: Permission): boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [answer, setAnswer] = useState<SessionAnswer | null>(null);

  const apply = useCallback((next: SessionAnswer) => {
    setCsrfToken(next.csrfToken);
    setAnswer(next);
  }, []);

  useEffect(() => {
    getJson<SessionAnswer>('/api/session').then(apply, () =>
      apply({ user: null, csrfToken: null }),
    );
  }, [apply]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const next = await sendJson<SessionAnswer>('POST', '/api/session', { email, password });
      if (next) apply(next);
    },
    [apply],
  );
  const signOut = useCallback(async () => {
    await sendJson('DELETE', '/api/session');
    apply({ user: null, csrfToken: null });
  }, [apply]);

  const value = useMemo<SessionState>(() => {
    const user = answer?.user ?? null;
    const permissions = permissionsOf(user?.grants ?? []);
    return {
      ready: answer !== null,
      user,
      can: (permission) => permissions.has(permission),
      signIn,
      signOut,
    };
  }, [answer, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
