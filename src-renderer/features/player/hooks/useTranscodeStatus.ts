import { useEffect, useState } from 'react';
import { useApi, type PlaybackSource, type TranscodeStatus } from '../../../api';

/** The session's transcoder as main reports it: the first status by call, then pushed changes. */
export function useTranscodeStatus(source: PlaybackSource | null): TranscodeStatus | null {
  const client = useApi();
  const [status, setStatus] = useState<TranscodeStatus | null>(null);
  const sessionId = source && source.decision !== 'direct' ? source.sessionId : null;
  useEffect(() => {
    if (!sessionId) return;
    let current = true;
    const off = client.on('onDidChangeTranscode', (s) => {
      if (s.sessionId === sessionId) setStatus(s);
    });
    client['playback.status']({ sessionId }).then(
      (s) => current && setStatus((prev) => prev ?? s),
      () => undefined,
    );
    return () => {
      current = false;
      off();
    };
  }, [client, sessionId]);
  return status && status.sessionId === sessionId ? status : null;
}
