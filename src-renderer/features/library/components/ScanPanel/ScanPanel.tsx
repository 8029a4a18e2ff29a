import type { ScanProgress, ScanSummary } from '../../../../api';
import { ErrorText, ProgressBar, plural } from '../../../../ui';

export interface ScanPanelProps {
  scanning: boolean;
  progress: ScanProgress | null;
  summary: ScanSummary | null;
  error: string | null;
}

const PHASE_LABEL: Record<ScanProgress['phase'], string> = {
  idle: 'Starting…',
  walking: 'Looking for files',
  parsing: 'Reading tags and media details',
  indexing: 'Updating the index',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** "3 added, 1 could not be read" (plus updated/removed when there were any). */
function summaryText(s: ScanSummary): string {
  const parts = [`${s.added} added`];
  if (s.updated) parts.push(`${s.updated} updated`);
  if (s.removed) parts.push(`${s.removed} removed`);
  if (s.failed.length) parts.push(`${s.failed.length} could not be read`);
  if (!s.added && !s.updated && !s.removed && !s.failed.length) return `No changes (${plural(s.unchanged, 'file')} unchanged)`;
  return parts.join(', ');
}

/** "about 2 min left", "about 40 s left": rounded, because a scan's pace wobbles. */
export function etaText(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(5, Math.ceil(seconds / 5) * 5)} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const h = Math.floor(seconds / 3600);
  return `about ${h} h ${Math.round((seconds - h * 3600) / 60)} min left`;
}

/** "1,234 of 10,000 files · 95 files/s · about 2 min left" */
function countsText(p: ScanProgress, done: number): string {
  const parts = [`${done.toLocaleString('en-US')} of ${p.seen.toLocaleString('en-US')} files`];
  if (p.phase === 'parsing' && p.ratePerSec !== null) parts.push(`${p.ratePerSec >= 10 ? Math.round(p.ratePerSec) : p.ratePerSec.toFixed(1)} files/s`);
  if (p.etaSec !== null) parts.push(etaText(p.etaSec));
  return parts.join(' · ');
}

/** Scan progress while it runs, then the summary with every file that could not be read and why. */
export function ScanPanel({ scanning, progress, summary, error }: ScanPanelProps) {
  if (!scanning && !summary && !error) return null;
  const done = progress ? progress.parsed + progress.failed + progress.unchanged : 0;
  const determinate = progress != null && progress.phase !== 'walking' && progress.phase !== 'idle' && progress.seen > 0;
  return (
    <div className="scan-panel">
      {scanning ? (
        <>
          <div className="scan-line">
            <span>
              {progress ? PHASE_LABEL[progress.phase] : 'Starting…'}
              {progress?.currentFolder ? <span className="muted"> · {progress.currentFolder}</span> : null}
            </span>
            <span className="muted small">{progress ? countsText(progress, done) : ''}</span>
          </div>
          <ProgressBar
            label="Scan progress"
            value={determinate ? done : null}
            max={progress?.seen ?? 0}
            valueText={progress ? `${done} of ${progress.seen} files` : 'Starting'}
          />
        </>
      ) : null}
      <ErrorText>{error}</ErrorText>
      {summary && !scanning ? (
        <div className="scan-summary" role="status">
          <p>
            <strong>{summaryText(summary)}</strong>
            <span className="muted small"> · {(summary.durationMs / 1000).toFixed(1)} s</span>
          </p>
          {summary.failed.length > 0 ? (
            <ul className="failed-list">
              {summary.failed.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  <code>{f.name}</code>
                  <span className="muted">{f.reason}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
