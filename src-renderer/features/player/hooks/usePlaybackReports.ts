import { useCallback, useRef, useState } from 'react';
import { useApi, type PlaybackSource } from '../../../api';
import type { FailKind } from '../model/failures';

/**
 * Tells main that a session started playing (its first `playing` event) or failed, each once per session,
 * and keeps the failure to show. Main knows what the session plays; the renderer only says that it did.
 */
export function usePlaybackReports(source: PlaybackSource | null) {
  const client = useApi();
  const reported = useRef<{ started: string | null; failed: string | null }>({ started: null, failed: null });
  // Kept with its session: a new session starts without the last one's failure.
  const [failed, setFailed] = useState<{ sessionId: string | null; kind: FailKind } | null>(null);
  const sessionId = source?.sessionId ?? null;
  const failure = failed && failed.sessionId === sessionId ? failed.kind : null;

  const fail = useCallback(
    (kind: FailKind) => {
      setFailed({ sessionId: source?.sessionId ?? null, kind });
      if (!source || reported.current.failed === source.sessionId) return;
      reported.current.failed = source.sessionId;
      client['playback.reportFailed']({ sessionId: source.sessionId, error: kind }).catch(() => undefined);
    },
    [client, source],
  );

  function started() {
    if (!source || reported.current.started === source.sessionId) return;
    reported.current.started = source.sessionId;
    client['playback.reportStarted']({ sessionId: source.sessionId }).catch(() => undefined);
  }

  return { failure, fail, started };
}
