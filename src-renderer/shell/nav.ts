import type { ReactElement } from 'react';
import { Icon } from '../ui';

/** The screens the sidebar switches between. */
export type View = 'library' | 'privacy';

/** Each screen in the sidebar, with the key that goes to it after "g". */
export const NAV: ReadonlyArray<{ view: View; label: string; key: string; icon: () => ReactElement }> = [
  { view: 'library', label: 'Library', key: 'l', icon: Icon.Library },
  { view: 'privacy', label: 'What we collect', key: 'w', icon: Icon.Eye },
];
