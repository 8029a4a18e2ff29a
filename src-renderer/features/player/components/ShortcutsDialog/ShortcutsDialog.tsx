import { Button, Dialog } from '../../../../ui';
import { BINDINGS, keysShown } from '../../model/keys';

/** Every player shortcut, from the same table the key handler uses. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      <table className="shortcuts" aria-label="Player keyboard shortcuts">
        <tbody>
          {BINDINGS.map((b) => (
            <tr key={b.label}>
              <th scope="row">
                {keysShown(b).map((k, i) => (k === '…' ? <span key={i}> … </span> : <kbd key={i}>{k}</kbd>))}
              </th>
              <td>{b.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
