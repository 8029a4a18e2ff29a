import { describe, expect, it, vi } from 'vitest';
import { TOKEN_KEY, takeToken, type TokenEnv } from './token';

function env(hash: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [[TOKEN_KEY, stored]] : []);
  const replaceState = vi.fn();
  const e: TokenEnv = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState, state: null },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) },
  };
  return { e, store, replaceState };
}

describe('takeToken', () => {
  it('reads the token from the fragment, keeps it for this tab and strips it from the address', () => {
    const { e, store, replaceState } = env('#token=abcDEF123_-xyz');
    expect(takeToken(e)).toBe('abcDEF123_-xyz');
    expect(store.get(TOKEN_KEY)).toBe('abcDEF123_-xyz');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('falls back to the token kept in sessionStorage after a reload', () => {
    const { e, replaceState } = env('', 'kept-token-12345');
    expect(takeToken(e)).toBe('kept-token-12345');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeToken(env('').e)).toBeNull();
  });

  it('strips an implausible token from the address and does not keep it', () => {
    const { e, store, replaceState } = env('#token=<script>');
    expect(takeToken(e)).toBeNull();
    expect(store.size).toBe(0);
    expect(replaceState).toHaveBeenCalled();
  });

  it('works where sessionStorage is unavailable', () => {
    const { e } = env('#token=abcdefgh12345');
    expect(takeToken({ ...e, storage: null })).toBe('abcdefgh12345');
  });
});
