export interface ProgressBarProps {
  label: string;
  /** Null for indeterminate progress (the total is not known yet). */
  value: number | null;
  max: number;
  valueText?: string;
}

/** A `role="progressbar"` with the aria values set; indeterminate when `value` is null. */
export function ProgressBar({ label, value, max, valueText }: ProgressBarProps) {
  const safeMax = Math.max(1, max);
  const pct = value == null ? null : Math.min(100, Math.max(0, (value / safeMax) * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={safeMax}
      aria-valuenow={value == null ? undefined : Math.min(value, safeMax)}
      aria-valuetext={valueText}
      className={pct == null ? 'progress is-indeterminate' : 'progress'}
    >
      <span className="progress-fill" style={pct == null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
