/**
 * The web host prints `http://127.0.0.1:PORT/#token=TOKEN`. The token rides in the fragment so it never
 * reaches a server log or a Referer. We move it to sessionStorage (this tab only, survives reload) and
 * strip it from the address bar so it is not bookmarked, shared in a screenshot or kept in history.
 */

export const TOKEN_KEY = 'glasswing.token';

export interface TokenEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

const PLAUSIBLE = /^[A-Za-z0-9._~+/=-]{8,1024}$/;

/** Reads the token from the fragment (then removes it) or from sessionStorage; null when there is none. */
export function takeToken(env: TokenEnv): string | null {
  const hash = env.location.hash.startsWith('#') ? env.location.hash.slice(1) : env.location.hash;
  const params = new URLSearchParams(hash);
  const fromHash = params.get('token');
  if (fromHash !== null) {
    params.delete('token');
    const rest = params.toString();
    // Important: strip the token even when it looks wrong, so a bad link does not linger either.
    env.history.replaceState(env.history.state, '', env.location.pathname + env.location.search + (rest ? `#${rest}` : ''));
    if (PLAUSIBLE.test(fromHash)) {
      safely(() => env.storage?.setItem(TOKEN_KEY, fromHash));
      return fromHash;
    }
    return null;
  }
  const stored = safely(() => env.storage?.getItem(TOKEN_KEY) ?? null) ?? null;
  return stored && PLAUSIBLE.test(stored) ? stored : null;
}

/** Forgets a token the host no longer accepts. */
export function forgetToken(storage: TokenEnv['storage']): void {
  safely(() => storage?.removeItem(TOKEN_KEY));
}

/** sessionStorage, or null where it is disabled (it throws on access in some privacy modes). */
export function sessionStorageOrNull(win: Window): Storage | null {
  return safely(() => win.sessionStorage) ?? null;
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
