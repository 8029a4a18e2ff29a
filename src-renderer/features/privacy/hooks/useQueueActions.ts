import { useState } from 'react';
import { useApi } from '../../../api';
import { plural } from '../../../ui';
import { useAction } from './useAction';

/**
 * What the user can do to the telemetry queue (send now, hold everything, delete events), each saying what
 * it did in `message` for the tab's status line. `setMessage` lets the tab say things of its own there.
 */
export function useQueueActions() {
  const client = useApi();
  const { busy, error, run } = useAction();
  const [message, setMessage] = useState('');

  async function sendNow() {
    const result = await run(() => client['privacy.sendNow']({}));
    if (result) setMessage(result.message);
  }

  async function setHold(on: boolean) {
    const result = await run(() => client['privacy.setHold']({ on }));
    if (result) setMessage(on ? 'Holding all events: nothing will be sent until you release the hold.' : 'Hold released.');
  }

  /** Resolves to true when main deleted them. */
  async function deleteEvents(ids: string[]): Promise<boolean> {
    const result = await run(() => client['privacy.deleteEvents']({ ids }));
    if (!result) return false;
    setMessage(`${plural(result.deleted, 'event')} deleted`);
    return true;
  }

  return { busy, error, message, setMessage, sendNow, setHold, deleteEvents };
}
