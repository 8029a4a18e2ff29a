import { useEffect, useState } from 'react';
import { errorMessage, useApi, type LocalStats } from '../../../../api';
import { ErrorText, formatHoursPlayed } from '../../../../ui';

/**
 * "Your stats": what Glasswing knows locally, shown to its owner. Computed on this machine from a history
 * that holds days, kinds and durations only (no titles), and never part of any batch.
 */
export function StatsTab() {
  const client = useApi();
  const [stats, setStats] = useState<LocalStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client['stats.get']({}).then(
      (s) => live && setStats(s),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  if (error) return <ErrorText>{error}</ErrorText>;
  if (!stats) return <p className="muted">Loading…</p>;

  const maxHours = Math.max(1, ...stats.weeks.map((w) => w.hours));
  const plays = stats.modes.direct + stats.modes.remux + stats.modes.transcode;
  const share = (n: number) => (plays === 0 ? 0 : Math.round((n / plays) * 100));
  const first = stats.growth[0];
  const last = stats.growth.at(-1);

  return (
    <div className="stats">
      <p className="notice notice-local" role="note">
        <strong>Never sent.</strong> These figures are computed on this machine from a local history that keeps only days, kinds of item and how long
        they played — no titles, no paths. They are not telemetry and no batch can carry them.
      </p>

      <section aria-labelledby="stats-hours">
        <h2 id="stats-hours" className="section-title">Time watched per week</h2>
        <table className="table stats-bars" aria-label="Time watched per week">
          <tbody>
            {stats.weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">Week of {w.weekStart}</th>
                <td className="bar-cell">
                  <span className="bar" style={{ width: `${(w.hours / maxHours) * 100}%` }} aria-hidden="true" />
                </td>
                <td className="num">{formatHoursPlayed(w.hours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="stats-modes">
        <h2 id="stats-modes" className="section-title">How things played</h2>
        {plays === 0 ? (
          <p className="muted">Nothing played yet.</p>
        ) : (
          <ul className="stats-modes">
            <li>Direct play: {share(stats.modes.direct)} % ({stats.modes.direct})</li>
            <li>Remux: {share(stats.modes.remux)} % ({stats.modes.remux})</li>
            <li>Transcode: {share(stats.modes.transcode)} % ({stats.modes.transcode})</li>
          </ul>
        )}
      </section>

      <section aria-labelledby="stats-growth">
        <h2 id="stats-growth" className="section-title">Library growth</h2>
        {first && last ? (
          <p>
            {last.items.toLocaleString('en-US')} items on {last.date}
            {first !== last ? `, from ${first.items.toLocaleString('en-US')} on ${first.date}` : ''}.
          </p>
        ) : (
          <p className="muted">No scan recorded yet.</p>
        )}
      </section>
    </div>
  );
}
