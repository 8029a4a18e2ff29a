import type { ReactNode } from 'react';
import type { PlaybackSource, TranscodeStatus } from '../../../../api';
import { Button, ErrorText, Icon, Plot, formatDuration, formatRuntime } from '../../../../ui';
import type { ItemDetails } from '../../model/details';
import { DECISION_LABEL } from '../../model/decision';
import { languageNames } from '../../model/languages';
import { TranscodeLine } from '../TranscodeLine/TranscodeLine';

export interface InfoPanelProps {
  source: PlaybackSource | null;
  /** Opening the session failed: the title says so. */
  openError: string | null;
  /** What went wrong, in words, from whichever part failed. */
  message: string | null;
  status: TranscodeStatus | null;
  /** The library's title, context, plot and subtitle languages for the item, once known. */
  details: ItemDetails | null;
  /** Where a resumed item started, while that is worth saying. */
  resumedAt: number | null;
  onStartOver: () => void;
  onClose: () => void;
  onHelp: () => void;
  /** Track menus and chapters, between the status lines and the key hint. */
  children?: ReactNode;
}

/** The side panel: title, how and why the item plays as it does, transcode progress, tracks, chapters, key hints. */
export function InfoPanel({ source, openError, message, status, details, resumedAt, onStartOver, onClose, onHelp, children }: InfoPanelProps) {
  const languages = languageNames(details?.subtitleLanguages ?? []);
  const length = formatRuntime(source?.durationSec, 'clock');
  return (
    <aside className="player-info" aria-label="Playback details">
      <div className="player-info-head">
        <div className="player-heading">
          {details?.context ? <p className="player-context">{details.context}</p> : null}
          <h2 className="player-title">{details?.title ?? source?.title ?? (openError ? 'Could not open' : 'Opening…')}</h2>
        </div>
        <Button variant="ghost" size="sm" className="player-close" aria-label="Close player" onClick={onClose} title="Close player (Esc)">
          <Icon.Close />
        </Button>
      </div>
      <ErrorText>{message}</ErrorText>
      {source ? (
        <>
          <p className="decision">
            <span className={`pill decision-${source.decision}`}>{DECISION_LABEL[source.decision]}</span>
            {length ? <span className="muted small">{length}</span> : null}
          </p>
          {details?.plot ? <Plot text={details.plot} /> : null}
          <dl className="play-facts">
            <dt>Why</dt>
            <dd className="reason">{source.reason}</dd>
            {source.decision !== 'direct' ? (
              <>
                <dt>Status</dt>
                <dd>
                  <TranscodeLine state={status?.state ?? 'starting'} speed={status?.speed ?? null} />
                </dd>
              </>
            ) : null}
            {languages.length ? (
              <>
                <dt>Subtitle languages</dt>
                <dd className="subtitle-languages">{languages.join(', ')}</dd>
              </>
            ) : null}
          </dl>
          {resumedAt !== null ? (
            <p className="resume-line">
              <span>Resumed at {formatDuration(resumedAt)}</span>
              <Button size="sm" variant="ghost" onClick={onStartOver}>
                Start over
              </Button>
            </p>
          ) : null}
          {children}
          <p className="muted small keys-hint">
            <kbd>Space</kbd> plays or pauses · <kbd>?</kbd>{' '}
            <button type="button" className="link" onClick={onHelp}>
              all shortcuts
            </button>{' '}
            · <kbd>Esc</kbd> closes
          </p>
        </>
      ) : null}
    </aside>
  );
}
