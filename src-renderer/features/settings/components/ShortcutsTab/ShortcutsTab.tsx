import { Fragment } from 'react';
import { isMacKeyboard, shortcutGroups, type KeyCombo, type Shortcut } from '../../model/shortcuts';

/** Every keyboard shortcut, a table per place where they work. */
export function ShortcutsTab() {
  return (
    <div className="shortcuts">
      {shortcutGroups(isMacKeyboard()).map((group) => (
        <section key={group.id} className="settings-group" aria-labelledby={`keys-${group.id}`}>
          <div className="group-head">
            <h2 id={`keys-${group.id}`} className="section-title">
              {group.title}
            </h2>
            <p id={`keys-${group.id}-note`} className="group-note">
              {group.note}
            </p>
          </div>
          <table className="table shortcuts-table" aria-labelledby={`keys-${group.id}`} aria-describedby={`keys-${group.id}-note`}>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Keys</th>
              </tr>
            </thead>
            <tbody>
              {group.shortcuts.map((s) => (
                <tr key={s.action}>
                  <th scope="row">{s.action}</th>
                  <td>
                    <Keys shortcut={s} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

const SEPARATOR: Record<Shortcut['join'], string> = { or: ' or ', set: ' ', range: ' ' };

/** "Space or k", "g then m", "Ctrl+K", "← → ↑ ↓", "0 … 9". */
function Keys({ shortcut }: { shortcut: Shortcut }) {
  return (
    <span className="keys">
      {shortcut.combos.map((combo, i) => (
        <Fragment key={i}>
          {i > 0 ? SEPARATOR[shortcut.join] : null}
          {shortcut.join === 'range' && combo.keys[0] === '…' ? '…' : <Combo combo={combo} />}
        </Fragment>
      ))}
    </span>
  );
}

function Combo({ combo }: { combo: KeyCombo }) {
  return (
    <>
      {combo.keys.map((key, i) => (
        <Fragment key={i}>
          {i > 0 ? (combo.together ? '+' : ' then ') : null}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </>
  );
}
