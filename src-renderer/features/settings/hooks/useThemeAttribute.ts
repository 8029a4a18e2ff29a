import { useEffect } from 'react';
import { applyTheme } from '../model/theme';
import { useSettings } from './useSettings';

/**
 * Keeps <html data-theme> in step with the Appearance setting in this window (and with other windows, as
 * settings follow them). Until settings arrive, whatever main.tsx remembered stays.
 */
export function useThemeAttribute(): void {
  const theme = useSettings().settings?.theme ?? null;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
}
