import type { ReactNode } from 'react';
import type { SetWatchedRequest } from '../../../api';
import { usePlayback } from '../../../app';
import { Button, ErrorText, Icon, formatDuration } from '../../../ui';
import { useWatchedToggle } from '../hooks/useWatchedToggle';

/** The row of a header's buttons; errors from them wrap onto their own line beneath. */
export function ActionBar({ children }: { children: ReactNode }) {
  return <div className="dt-actions">{children}</div>;
}

/** Play, or "Resume from 42:10" and "Start over" when there is a resume point. */
export function PlayButtons({ id, resumeSec }: { id: string; resumeSec: number | null }) {
  const { playItem } = usePlayback();
  if (resumeSec !== null && resumeSec > 0)
    return (
      <>
        <Button variant="primary" icon={<Icon.Play />} onClick={() => playItem(id, { fromStart: false })}>
          Resume from {formatDuration(resumeSec)}
        </Button>
        <Button icon={<Icon.Previous />} onClick={() => playItem(id, { fromStart: true })}>
          Start over
        </Button>
      </>
    );
  return (
    <Button variant="primary" icon={<Icon.Play />} onClick={() => playItem(id, { fromStart: false })}>
      Play
    </Button>
  );
}

export interface WatchedButtonProps {
  kind: SetWatchedRequest['kind'];
  id: string;
  watched: boolean;
  /** The page's current answer: the mark asked for shows until it is replaced. */
  answer: object;
  /** "show" for "Mark show watched". */
  noun?: string;
}

/** Mark watched / Mark unwatched, shown at once and rolled back with the error when main refuses. */
export function WatchedButton({ kind, id, watched, answer, noun }: WatchedButtonProps) {
  const toggle = useWatchedToggle(kind, id, watched, answer);
  const what = noun ? `${noun} ` : '';
  return (
    <>
      <Button variant="ghost" icon={toggle.watched ? <Icon.Eye /> : <Icon.Check />} disabled={toggle.busy} onClick={toggle.toggle}>
        {toggle.watched ? `Mark ${what}unwatched` : `Mark ${what}watched`}
      </Button>
      {toggle.watched ? (
        <span className="dt-watched-pill pill pill-ok">
          <Icon.Check /> Watched
        </span>
      ) : null}
      <ErrorText className="dt-action-error">{toggle.error}</ErrorText>
    </>
  );
}
