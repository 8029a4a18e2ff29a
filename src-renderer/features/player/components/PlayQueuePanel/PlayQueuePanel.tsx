import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Icon, cx, formatDuration, useStore } from '../../../../ui';
import type { PlayQueue } from '../../model/playQueue';

export interface PlayQueuePanelProps {
  playQueue: PlayQueue;
  onNext: () => void;
  onPrevious: () => void;
}

/**
 * A control to focus in the next panel that mounts. Next, Previous and a jump start a new player (and so a
 * new panel); without this a keyboard user would be dropped at the top of the page after every track.
 */
let focusOnMount: string | null = null;

const REPEAT_TEXT = { off: 'off', all: 'all tracks', one: 'this track' } as const;

/** The music play queue in the player: what plays now and next, reorderable, with shuffle and repeat. */
export function PlayQueuePanel({ playQueue, onNext, onPrevious }: PlayQueuePanelProps) {
  const state = useStore(playQueue);
  const rootRef = useRef<HTMLElement>(null);
  const [refocus, setRefocus] = useState<string | null>(null);

  useEffect(() => {
    if (!focusOnMount) return;
    rootRef.current?.querySelector<HTMLElement>(`[data-focus="${focusOnMount}"]`)?.focus();
    focusOnMount = null;
  }, []);

  // Moving an entry re-inserts its row, which takes focus from the button that moved it: give it back.
  useLayoutEffect(() => {
    if (!refocus) return;
    rootRef.current?.querySelector<HTMLElement>(`[data-focus="${refocus}"]`)?.focus();
  }, [refocus, state]);

  const currentKey = state.entries[state.index]?.key ?? null;

  function going(focus: string, fn: () => void) {
    return () => {
      focusOnMount = focus;
      fn();
    };
  }

  return (
    <section ref={rootRef} className="playq-panel" aria-labelledby="playq-title">
      <div className="playq-head">
        <h3 id="playq-title" className="playq-title">
          Queue <span className="muted">{state.index + 1} of {state.entries.length}</span>
        </h3>
        <div className="playq-controls" role="group" aria-label="Queue controls">
          <button type="button" className="icon-button" aria-label="Previous track" title="Previous (p)" data-focus="previous" onClick={going('previous', onPrevious)}>
            <Icon.Previous />
          </button>
          <button type="button" className="icon-button" aria-label="Next track" title="Next (n)" data-focus="next" onClick={going('next', onNext)}>
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
      <ol className="playq-list" aria-label="Play queue">
        {state.entries.map((entry, i) => {
          const current = i === state.index;
          const meta = [entry.artist, formatDuration(entry.durationSec)].filter(Boolean).join(' · ');
          const label = (
            <>
              <span className="playq-no" aria-hidden="true">
                {current ? <Icon.Volume /> : i + 1}
              </span>
              <span className="playq-text">
                <span className="playq-track">{entry.title}</span>
                {meta ? <span className="playq-meta">{meta}</span> : null}
              </span>
            </>
          );
          return (
            <li key={entry.key} className={cx('playq-row', current && 'is-current')} aria-current={current ? 'true' : undefined}>
              {current ? (
                <span className="playq-item" tabIndex={-1} data-focus={`jump-${entry.key}`}>
                  {label}
                  <span className="sr-only">, playing</span>
                </span>
              ) : (
                <button type="button" className="playq-item" aria-label={`Jump to ${entry.title}`} onClick={going(`jump-${entry.key}`, () => playQueue.jump(entry.key))}>
                  {label}
                </button>
              )}
              <span className="playq-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${entry.title} up`}
                  aria-disabled={i === 0}
                  data-focus={`up-${entry.key}`}
                  onClick={() => {
                    playQueue.move(entry.key, -1);
                    setRefocus(`up-${entry.key}`);
                  }}
                >
                  <Icon.ArrowUp />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${entry.title} down`}
                  aria-disabled={i === state.entries.length - 1}
                  data-focus={`down-${entry.key}`}
                  onClick={() => {
                    playQueue.move(entry.key, 1);
                    setRefocus(`down-${entry.key}`);
                  }}
                >
                  <Icon.ArrowDown />
                </button>
                {current ? null : (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${entry.title} from queue`}
                    onClick={() => {
                      const neighbour = state.entries[i + 1] ?? state.entries[i - 1];
                      playQueue.remove(entry.key);
                      if (neighbour) setRefocus(neighbour.key === currentKey ? `jump-${neighbour.key}` : `remove-${neighbour.key}`);
                    }}
                    data-focus={`remove-${entry.key}`}
                  >
                    <Icon.Close />
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
