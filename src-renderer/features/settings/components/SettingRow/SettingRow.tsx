import type { ReactNode } from 'react';

export interface SettingRowProps {
  /** The control's id: the label points at it, and its help is `${id}-help`. */
  id: string;
  label: string;
  help: ReactNode;
  /** A switch names itself, so its row shows the words without a <label>. */
  selfLabelled?: boolean;
  children: ReactNode;
}

/** One setting: its name and a sentence of help on the left, the control on the right (dense, as in macOS). */
export function SettingRow({ id, label, help, selfLabelled, children }: SettingRowProps) {
  return (
    <div className="setting-row">
      <div className="setting-text">
        {selfLabelled ? (
          <span className="setting-label" aria-hidden="true">
            {label}
          </span>
        ) : (
          <label htmlFor={id} className="setting-label">
            {label}
          </label>
        )}
        <p id={`${id}-help`} className="setting-help">
          {help}
        </p>
      </div>
      <div className="setting-control">{children}</div>
    </div>
  );
}

/** A titled group of rows, as one card. */
export function SettingGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      <div className="settings-card">{children}</div>
    </section>
  );
}
