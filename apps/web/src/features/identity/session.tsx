import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, endpoints, getJson, sendJson, setCsrfToken, type Me, type Membership } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

export interface Session {
  status: SessionStatus;
  user: Me | null;
  memberships: Membership[];
  csrfToken: string | null;
  /** A sign-out is under way: nothing that needs the session should be asked for any more. */
  ending: boolean;
  /** Signs in with e-mail and password; throws ApiError (401 wrong, 403 not verified, 429 wait `retryAfter`). */
  signIn: (email: string, password: string) => Promise<Me>;
  /**
   * Ends this session (the server forgets it) and forgets the account here. `leave` runs in between (e.g. navigating
   * away), so a page that needs an account is gone before the account is.
   */
  signOut: (leave?: () => unknown) => Promise<void>;
  /** Takes an account the server just signed in (accepting an invitation answers with it). */
  adopt: (me: Me) => void;
  /** Forgets the account here without asking the server (after "sign out everywhere"). */
  forget: () => void;
}

/**
 * The session cookie is HttpOnly, so the page cannot see it. This flag remembers that this browser signed in, so an
 * anonymous visitor never asks /me (its 401 would be a console error on every page for everybody).
 */
const HINT_KEY = 'clock.session';

function readHint(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}
function writeHint(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Without storage the session lasts for this page only; the cookie still works for API calls.
  }
}

/** The server rendered this page for a visitor without a session: forget any remembered sign-in. */
export function clearSessionHint(): void {
  writeHint(false);
}

const SessionContext = createContext<Session | null>(null);

/** Loads the signed-in account once (GET /me; 401 means signed out) and offers sign-in and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null>(null);
  const [status, setStatus] = useState<SessionStatus>(() => (readHint() ? 'loading' : 'signed-out'));
  const [checks, setChecks] = useState(0);
  const [ending, setEnding] = useState(false);

  const adopt = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    writeHint(true);
    clearApiCache();
    setUser(me);
    setStatus('signed-in');
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    writeHint(false);
    clearApiCache();
    setUser(null);
    setStatus('signed-out');
  }, []);

  useEffect(() => {
    if (!readHint()) return;
    const controller = new AbortController();
    getJson<Me>(endpoints.me(), controller.signal).then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setUser(me);
        setStatus('signed-in');
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // 401: the session ended (expired, or signed out elsewhere). Other failures: treat as signed out for now.
        if (error instanceof ApiError && error.status === 401) writeHint(false);
        setCsrfToken(null);
        setUser(null);
        setStatus('signed-out');
      },
    );
    return () => controller.abort();
  }, [checks]);

  // Signing in or out in another tab changes the flag: look again.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== HINT_KEY) return;
      clearApiCache();
      if (event.newValue === '1') {
        setStatus('loading');
        setChecks((n) => n + 1);
      } else {
        setCsrfToken(null);
        setUser(null);
        setStatus('signed-out');
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const me = await sendJson<Me>('POST', endpoints.login(), { email, password });
      adopt(me);
      return me;
    },
    [adopt],
  );

  const signOut = useCallback(
    async (leave?: () => unknown) => {
      setEnding(true);
      try {
        try {
          await sendJson('POST', endpoints.logout());
        } catch (error) {
          // An already-ended session is signed out all the same; a network failure is not.
          if (!(error instanceof ApiError) || error.kind === 'network') throw error;
        }
        try {
          await leave?.();
        } finally {
          forget();
        }
      } finally {
        setEnding(false);
      }
    },
    [forget],
  );

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      memberships: user?.memberships ?? [],
      csrfToken: user?.csrfToken ?? null,
      ending,
      signIn,
      signOut,
      adopt,
      forget,
    }),
    [status, user, ending, signIn, signOut, adopt, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
