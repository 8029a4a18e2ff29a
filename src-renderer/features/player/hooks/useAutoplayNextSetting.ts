import { useEffect, useState } from 'react';
import { useApi } from '../../../api';

/** The setting "at the end of an episode, count down and play the next one", kept current (on by default). */
export function useAutoplayNextSetting(): boolean {
  const client = useApi();
  const [on, setOn] = useState(true);
  useEffect(() => {
    let live = true;
    client['settings.get']({}).then(
      (s) => live && setOn(s.autoplayNextEpisode),
      () => undefined,
    );
    const off = client.on('onDidChangeSettings', (s) => setOn(s.autoplayNextEpisode));
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return on;
}
