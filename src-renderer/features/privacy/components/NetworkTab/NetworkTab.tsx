import { useApi, type NetworkPurpose } from '../../../../api';
import { ErrorText, Switch, formatDateTime } from '../../../../ui';
import { useAction } from '../../hooks/useAction';
import type { PrivacyView } from '../../privacyStore';
import { ReplyPill } from '../ReplyPill/ReplyPill';

const PURPOSE_LABEL: Record<string, string> = { 'telemetry-upload': 'Telemetry upload' };

/** Every outbound request the app can make, by purpose, and every one it made or refused. */
export function NetworkTab({ snapshot }: { snapshot: PrivacyView }) {
  const { purposes, requests } = snapshot.network;
  const anyEnabled = purposes.some((p) => p.enabled);
  const client = useApi();
  const { busy, error, run } = useAction();

  function setAllowed(purpose: NetworkPurpose, allowed: boolean) {
    void run(() => client['privacy.setNetworkPurpose']({ purpose, allowed }));
  }

  return (
    <div className="network">
      <h2 className="section-title">Why Glasswing would go online</h2>
      <ul className="purposes">
        {purposes.map((p) => (
          <li key={p.purpose} className="purpose">
            <div className="purpose-head">
              <Switch label={`Allow ${PURPOSE_LABEL[p.purpose] ?? p.purpose}`} checked={p.allowed} disabled={busy} onChange={(on) => setAllowed(p.purpose, on)} />
              <span className={p.enabled ? 'pill pill-warn' : 'pill'}>{p.enabled ? 'Can send now' : 'No traffic'}</span>
            </div>
            <p className="muted">{p.description}</p>
            <p className="small">
              Destination: {p.destination ? <code>{p.destination}</code> : <span className="muted">none configured</span>}
            </p>
          </li>
        ))}
      </ul>
      <ErrorText>{error}</ErrorText>
      <p className="muted small">
        Off until you turn it on. Switched off here, a purpose makes no request at all, whatever else is set. Switched on, uploads still
        need an endpoint and your choices under Consent.
      </p>

      <h2 className="section-title">Requests</h2>
      {requests.length === 0 ? (
        <div className="empty">
          <p className="empty-title">{anyEnabled ? 'No requests made yet' : 'No network traffic'}</p>
          <p className="muted">
            {anyEnabled ? 'Requests will be listed here as they are made.' : 'Nothing is enabled, and Glasswing has made no request to anything outside this machine.'}
          </p>
        </div>
      ) : (
        <table className="table" aria-label="Network requests">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Purpose</th>
              <th scope="col">Method</th>
              <th scope="col">URL</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {[...requests].reverse().map((r) => (
              <tr key={r.seq}>
                <td>{formatDateTime(r.at)}</td>
                <td>{PURPOSE_LABEL[r.purpose] ?? r.purpose}</td>
                <td><code>{r.method}</code></td>
                <td className="url"><code>{r.url}</code></td>
                <td>
                  {r.refused ? (
                    <span className="pill">refused</span>
                  ) : (
                    <ReplyPill status={r.status} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
