import { cx } from '../../../../ui';

const STATE_TEXT: Record<string, string> = {
  starting: 'Starting the transcoder…',
  running: 'Converting',
  throttled: 'Converted well ahead; paused until playback catches up',
  done: 'Conversion finished',
  stopped: 'Converter idle; it restarts when playback needs it',
  failed: 'The converter stopped',
};

/**
 * What the transcoder is doing and how fast, with a warning when it cannot keep up with playback. The
 * speed is ffmpeg's: seconds of video converted per second of wall time.
 */
export function TranscodeLine({ state, speed }: { state: string; speed: number | null }) {
  const shown = speed !== null && (state === 'running' || state === 'throttled' || state === 'done') ? speed : null;
  const slow = speed !== null && speed < 1 && state === 'running';
  return (
    <p className={cx('transcode-line small', `is-${state}`, slow && 'is-slow')} aria-label="Transcode status">
      {STATE_TEXT[state] ?? state}
      {shown !== null ? (
        <>
          {' at '}
          <strong className="transcode-speed">{shown.toFixed(1)}×</strong>
          {' real time'}
        </>
      ) : null}
      {slow ? ' — slower than real time, playback may pause to buffer' : ''}
    </p>
  );
}
