import type { ReactNode } from 'react';
import { cx } from './cx';

export interface SwitchProps {
  checked: boolean;
  onChange: (next: boolean) => void;
  /** The accessible name; rendered as visible text unless `hideLabel`. */
  label: string;
  disabled?: boolean;
  hideLabel?: boolean;
  describedBy?: string;
  className?: string;
  /** Extra visible content after the label (not part of the accessible name). */
  after?: ReactNode;
}

/** An on/off control with `role="switch"`; the accessible name is exactly `label`. */
export function Switch({ checked, onChange, label, disabled, hideLabel, describedBy, className, after }: SwitchProps) {
  return (
    <span className={cx('switch-wrap', className)}>
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={hideLabel ? label : undefined}
        aria-describedby={describedBy}
        disabled={disabled}
        className={cx('switch', checked && 'is-on')}
        onClick={() => onChange(!checked)}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        {hideLabel ? null : <span className="switch-label">{label}</span>}
      </button>
      {after}
    </span>
  );
}
