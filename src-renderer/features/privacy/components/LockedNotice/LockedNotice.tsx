import type { ConsentState } from '../../../../api';
import { Icon } from '../../../../ui';
import { LOCKED_FALLBACK } from '../../labels';

/** Why the switches cannot be used: consent is decided by something outside the app. */
export function LockedNotice({ consent }: { consent: ConsentState }) {
  return (
    <div className="notice notice-locked" role="note">
      <Icon.Lock />
      <span>{consent.lockedReason ?? LOCKED_FALLBACK}</span>
    </div>
  );
}
