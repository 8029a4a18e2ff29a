import { useEffect, useRef, useState } from 'react';

/**
 * Seconds left of a countdown from `from` that ticks once a second while `running`, and calls `onDone` once
 * when it reaches 0. A plain interval, as the player's other timers (tests drive it with fake timers).
 */
export function useCountdown(from: number, running: boolean, onDone: () => void): number {
  const [left, setLeft] = useState(from);
  const done = useRef(onDone);
  const fired = useRef(false);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(id);
  }, [running]);
  useEffect(() => {
    if (!running || left > 0 || fired.current) return;
    fired.current = true;
    done.current();
  }, [running, left]);
  return left;
}
