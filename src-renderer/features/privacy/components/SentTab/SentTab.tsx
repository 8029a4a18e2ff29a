import { Button, ErrorText, Icon } from '../../../../ui';
import { useLedgerActions } from '../../hooks/useLedgerActions';
import type { PrivacyView } from '../../privacyStore';
import { LedgerTable } from './LedgerTable';

/** The sent ledger: every batch that left, hash-chained; verify the chain or export it. */
export function SentTab({ snapshot }: { snapshot: PrivacyView }) {
  const { busy, error, verdict, verify, exportLedger } = useLedgerActions();
  const ledger = snapshot.ledger;
  return (
    <div className="sent">
      <div className="toolbar">
        <Button icon={<Icon.Shield />} onClick={() => void verify()} disabled={busy}>
          Verify chain
        </Button>
        <Button icon={<Icon.Download />} onClick={() => void exportLedger()} disabled={busy}>
          Export ledger
        </Button>
        <span role="status" className={verdict ? (verdict.ok ? 'status-line inline ok' : 'status-line inline bad') : 'status-line inline'}>
          {verdict?.text ?? ''}
        </span>
      </div>
      <ErrorText>{error}</ErrorText>
      {ledger.length === 0 ? (
        <div className="empty">
          <p className="empty-title">Nothing has been sent</p>
          <p className="muted">Every batch that leaves this machine is kept here with its exact bytes and a hash linking it to the one before.</p>
        </div>
      ) : (
        <LedgerTable ledger={ledger} />
      )}
    </div>
  );
}
