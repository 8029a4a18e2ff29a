import type { TelemetrySnapshot } from '../../../../api';
import { formatDateTime } from '../../../../ui';

const PURPOSE_LABEL: Record<string, string> = { 'telemetry-upload': 'Telemetry upload' };

/** Every outbound request the app can make, by purpose, and every one it made or refused. */
export function NetworkTab({ snapshot }: { snapshot: TelemetrySnapshot }) {
  const { purposes, requests } = snapshot.network;
  const anyEnabled = purposes.some((p) => p.enabled);

  return (
    <div className="network">
      <h2 className="section-title">Why Glasswing would go online</h2>
      <ul className="purposes">
        {purposes.map((p) => (
          <li key={p.purpose} className="purpose">
            <div className="purpose-head">
              <strong>{PURPOSE_LABEL[p.purpose] ?? p.purpose}</strong>
              <span className={p.enabled ? 'pill pill-warn' : 'pill'}>{p.enabled ? 'Enabled' : 'Off'}</span>
            </div>
            <p className="muted">{p.description}</p>
            <p className="small">
              Destination: {p.destination ? <code>{p.destination}</code> : <span className="muted">none configured</span>}
            </p>
          </li>
        ))}
      </ul>
      <p className="muted small">Uploads follow your choices under Consent; with telemetry off, the network module refuses every request.</p>

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
                    <span className={r.status != null && r.status < 300 ? 'pill pill-ok' : 'pill pill-bad'}>{r.status ?? 'no reply'}</span>
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
