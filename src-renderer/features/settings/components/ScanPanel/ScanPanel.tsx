import type { ScanProgress, ScanSummary } from '../../../../api';
import { Button, ErrorText, ProgressBar, plural } from '../../../../ui';
import type { ScanView } from '../../hooks/useScan';
import { PHASE_LABEL } from '../../model/labels';
import { visibleText } from '../../model/visibleText';

const count = (n: number) => n.toLocaleString('en-US');

/** "about 2 min", "about 40 s": rounded, because a scan's pace wobbles. */
export function aboutTime(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(5, Math.ceil(seconds / 5) * 5)} s`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min`;
  const h = Math.floor(seconds / 3600);
  const min = Math.round((seconds - h * 3600) / 60);
  return min ? `about ${h} h ${min} min` : `about ${h} h`;
}

/** What a scan this window asked for did: "3 added, 1 could not be read", or that nothing changed. */
export function summaryText(s: ScanSummary): string {
  const parts = [`${count(s.added)} added`];
  if (s.updated) parts.push(`${count(s.updated)} updated`);
  if (s.removed) parts.push(`${count(s.removed)} removed`);
  if (s.failedCount) parts.push(`${count(s.failedCount)} could not be read`);
  if (!s.added && !s.updated && !s.removed && !s.failedCount) return `Scan finished: no changes (${plural(s.unchanged, 'file')} unchanged).`;
  return `Scan finished: ${parts.join(', ')}.`;
}

/** The words for the live region: the phase and folder while it runs, the outcome once it ends. */
function headline(scan: ScanView): string {
  const p = scan.progress;
  if (!scan.scanning && scan.summary) return summaryText(scan.summary);
  if (!p) return scan.scanning ? PHASE_LABEL.idle : '';
  if (p.phase === 'done' && !scan.scanning) return `${PHASE_LABEL.done}: ${count(p.parsed)} read, ${count(p.failed)} could not be read, ${count(p.unchanged)} unchanged.`;
  return p.currentFolder && scan.scanning ? `${PHASE_LABEL[p.phase]} in “${visibleText(p.currentFolder)}”` : PHASE_LABEL[p.phase];
}

/** Live progress of any scan (this window's, or one adding a folder started), with Cancel; the outcome after. */
export function ScanPanel({ scan }: { scan: ScanView }) {
  if (!scan.scanning && !scan.progress && !scan.summary && !scan.error) return null;
  const p = scan.progress;
  return (
    <div className="settings-scan-panel">
      <div className="settings-scan-head">
        <p role="status" className="settings-scan-headline">
          <bdi>{headline(scan)}</bdi>
        </p>
        {scan.scanning ? (
          <Button size="sm" onClick={scan.cancel}>
            Cancel scan
          </Button>
        ) : null}
      </div>
      {scan.scanning ? <ScanMeter progress={p} /> : null}
      <ErrorText>{scan.error}</ErrorText>
    </div>
  );
}

/** Files found, read, failed and unchanged, the pace and the time left, and the bar. */
function ScanMeter({ progress: p }: { progress: ScanProgress | null }) {
  const done = p ? p.parsed + p.failed + p.unchanged : 0;
  const determinate = p !== null && (p.phase === 'parsing' || p.phase === 'indexing') && p.seen > 0;
  return (
    <>
      {p ? (
        <dl className="settings-scan-counts">
          <Fact term="Found" value={count(p.seen)} />
          <Fact term="Read" value={count(p.parsed)} />
          <Fact term="Could not read" value={count(p.failed)} />
          <Fact term="Unchanged" value={count(p.unchanged)} />
          {p.ratePerSec !== null ? <Fact term="Pace" value={`${p.ratePerSec >= 10 ? Math.round(p.ratePerSec) : p.ratePerSec.toFixed(1)} files/s`} /> : null}
          {p.etaSec !== null ? <Fact term="Time left" value={aboutTime(p.etaSec)} /> : null}
        </dl>
      ) : null}
      <ProgressBar label="Scan progress" value={determinate ? done : null} max={p?.seen ?? 0} valueText={p ? `${count(done)} of ${count(p.seen)} files` : 'Starting'} />
    </>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="settings-scan-fact">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
