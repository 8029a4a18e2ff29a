import { useState } from 'react';
import { useApi, useNoteFeature } from '../../../api';
import { downloadJson } from '../download';
import { verdictLabel } from '../labels';
import { useAction } from './useAction';

/** Verifies the sent ledger's hash chain (the verdict stays on screen) and exports the ledger as a file. */
export function useLedgerActions() {
  const client = useApi();
  const noteFeature = useNoteFeature();
  const { busy, error, run } = useAction();
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);

  async function verify() {
    const result = await run(() => client['privacy.verifyLedger']({}));
    if (result) setVerdict({ ok: result.ok, text: verdictLabel(result) });
  }

  async function exportLedger() {
    const result = await run(() => client['privacy.exportLedger']({}));
    if (!result) return;
    noteFeature('ledger-export');
    downloadJson(result.json, `glasswing-ledger-${new Date().toISOString().slice(0, 10)}.json`);
  }

  return { busy, error, verdict, verify, exportLedger };
}
