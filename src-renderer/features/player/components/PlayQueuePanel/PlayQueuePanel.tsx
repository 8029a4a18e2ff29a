import { useRef } from 'react';
import { DrawnText, Icon, cx, formatRuntime, useStore } from '../../../../ui';
import { usePlayQueueFocus } from '../../hooks/usePlayQueueFocus';
import type { PlayQueue, PlayQueueEntry, PlayQueueState } from '../../model/playQueue';

export interface PlayQueuePanelProps {
  playQueue: PlayQueue;
  onNext: () => void;
  onPrevious: () => void;
}

const REPEAT_TEXT = { off: 'off', all: 'all tracks', one: 'this track' } as const;

/** The `data-focus` keys of a row's controls, by which focus comes back to them. */
const FOCUS = {
  jump: (key: string) => `jump-${key}`,
  move: (key: string, delta: -1 | 1) => `${delta < 0 ? 'up' : 'down'}-${key}`,
  remove: (key: string) => `remove-${key}`,
};

/** The music play queue in the player: what plays now and next, reorderable, with shuffle and repeat. */
export function PlayQueuePanel({ playQueue, onNext, onPrevious }: PlayQueuePanelProps) {
  const state = useStore(playQueue);
  const rootRef = useRef<HTMLElement>(null);
  const focus = usePlayQueueFocus(rootRef, state);

  function remove(at: number, entry: PlayQueueEntry) {
    const neighbour = state.entries[at + 1] ?? state.entries[at - 1];
    playQueue.remove(entry.key);
    if (neighbour) focus.refocus(neighbour.key === state.entries[state.index]?.key ? FOCUS.jump(neighbour.key) : FOCUS.remove(neighbour.key));
  }

  return (
    <section ref={rootRef} className="playq-panel" aria-labelledby="playq-title">
      <PlayQueueHead state={state} playQueue={playQueue} onNext={focus.going('next', onNext)} onPrevious={focus.going('previous', onPrevious)} />
      <ol className="playq-list" aria-label="Play queue">
        {state.entries.map((entry, i) => (
          <PlayQueueRow
            key={entry.key}
            entry={entry}
            position={i + 1}
            current={i === state.index}
            last={i === state.entries.length - 1}
            onJump={focus.going(FOCUS.jump(entry.key), () => playQueue.jump(entry.key))}
            onMove={(delta) => {
              playQueue.move(entry.key, delta);
              focus.refocus(FOCUS.move(entry.key, delta));
            }}
            onRemove={() => remove(i, entry)}
          />
        ))}
      </ol>
    </section>
  );
}

interface PlayQueueHeadProps {
  state: PlayQueueState;
  playQueue: PlayQueue;
  onNext: () => void;
  onPrevious: () => void;
}

/** Where in the play queue playback is, and previous, next, shuffle and repeat. */
function PlayQueueHead({ state, playQueue, onNext, onPrevious }: PlayQueueHeadProps) {
  return (
    <div className="playq-head">
      <h3 id="playq-title" className="playq-title">
        Queue <span className="muted">{state.index + 1} of {state.entries.length}</span>
      </h3>
      <div className="playq-controls" role="group" aria-label="Queue controls">
        <button type="button" className="icon-button" aria-label="Previous track" title="Previous (p)" data-focus="previous" onClick={onPrevious}>
          <Icon.Previous />
        </button>
        <button type="button" className="icon-button" aria-label="Next track" title="Next (n)" data-focus="next" onClick={onNext}>
          <Icon.Next />
        </button>
        <button type="button" className="icon-button" aria-label="Shuffle" aria-pressed={state.shuffle} title={state.shuffle ? 'Shuffle on' : 'Shuffle off'} onClick={() => playQueue.setShuffle(!state.shuffle)}>
          <Icon.Shuffle />
        </button>
        <button
          type="button"
          className={cx('icon-button', state.repeat === 'one' && 'is-one')}
          aria-label="Repeat"
          aria-pressed={state.repeat !== 'off'}
          aria-describedby="playq-repeat"
          title={`Repeat: ${REPEAT_TEXT[state.repeat]}`}
          onClick={() => playQueue.cycleRepeat()}
        >
          <Icon.Repeat />
          {state.repeat === 'one' ? <span className="repeat-one" aria-hidden="true">1</span> : null}
        </button>
        <span id="playq-repeat" className="sr-only">
          Repeat: {REPEAT_TEXT[state.repeat]}
        </span>
      </div>
    </div>
  );
}

interface PlayQueueRowProps {
  entry: PlayQueueEntry;
  /** Its place in the play queue, from 1. */
  position: number;
  current: boolean;
  last: boolean;
  onJump: () => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/**
 * One entry: the one playing, or a button that jumps to it; then move up, move down and (unless playing)
 * remove. The button's name is "Jump to" and the words the row shows, in their order (WCAG 2.5.3); its
 * place in the queue is drawn like a list's marker.
 */
function PlayQueueRow({ entry, position, current, last, onJump, onMove, onRemove }: PlayQueueRowProps) {
  const meta = [entry.artist, formatRuntime(entry.durationSec, 'clock')].filter(Boolean).join(' · ');
  const label = (
    <>
      {current ? (
        <span className="playq-no" aria-hidden="true">
          <Icon.Volume />
        </span>
      ) : (
        <DrawnText className="playq-no" text={String(position)} />
      )}
      <span className="playq-text">
        <span className="playq-track">{entry.title}</span>
        {meta ? <span className="playq-meta"> {meta}</span> : null}
      </span>
    </>
  );
  return (
    <li className={cx('playq-row', current && 'is-current')} aria-current={current ? 'true' : undefined}>
      {current ? (
        <span className="playq-item" tabIndex={-1} data-focus={FOCUS.jump(entry.key)}>
          {label}
          <span className="sr-only">, playing</span>
        </span>
      ) : (
        <button type="button" className="playq-item" aria-label={[`Jump to ${entry.title}`, meta].filter(Boolean).join(', ')} onClick={onJump}>
          {label}
        </button>
      )}
      <span className="playq-actions">
        <MoveButton entry={entry} delta={-1} disabled={position === 1} onMove={onMove} />
        <MoveButton entry={entry} delta={1} disabled={last} onMove={onMove} />
        {current ? null : (
          <button type="button" className="icon-button" aria-label={`Remove ${entry.title} from queue`} onClick={onRemove} data-focus={FOCUS.remove(entry.key)}>
            <Icon.Close />
          </button>
        )}
      </span>
    </li>
  );
}

/** Moves an entry one place up or down; at either end it says it is unavailable but keeps its focus. */
function MoveButton({ entry, delta, disabled, onMove }: { entry: PlayQueueEntry; delta: -1 | 1; disabled: boolean; onMove: (delta: -1 | 1) => void }) {
  return (
    <button type="button" className="icon-button" aria-label={`Move ${entry.title} ${delta < 0 ? 'up' : 'down'}`} aria-disabled={disabled} data-focus={FOCUS.move(entry.key, delta)} onClick={() => onMove(delta)}>
      {delta < 0 ? <Icon.ArrowUp /> : <Icon.ArrowDown />}
    </button>
  );
}
