import { useState } from 'react';
import { useApi, type Category } from '../../../api';
import { chosenCategories } from '../model/consent';
import { useAction } from './useAction';
import { usePrivacy } from './usePrivacy';

/**
 * The first-run choice: every category starts off, `choose` flips one, and `accept` turns on exactly the
 * chosen ones (nothing when consent is locked outside the app), then marks the screen seen.
 */
export function useFirstRun() {
  const client = useApi();
  const { snapshot, catalog, store } = usePrivacy();
  const [chosen, setChosen] = useState<Record<Category, boolean>>({ performance: false, usage: false, diagnostics: false });
  const [upload, setUpload] = useState(false);
  const { busy, error, run } = useAction();
  const consent = snapshot?.consent;
  const locked = consent ? consent.source !== 'user' : false;
  const choice = chosenCategories(chosen, locked);
  // Uploading is a separate yes: recording lets events wait for review; only this lets them leave on their own.
  const canUpload = choice.length > 0 && !!snapshot?.endpoint;

  async function accept() {
    await run(async () => {
      if (choice.length > 0) await client['privacy.setMaster']({ on: true });
      for (const category of choice) await client['privacy.setCategory']({ category, on: true });
      if (canUpload && upload) await client['privacy.setNetworkPurpose']({ purpose: 'telemetry-upload', allowed: true });
      await client['privacy.markSeen']({});
      await store.refresh();
    });
  }

  return {
    snapshot,
    catalog,
    locked,
    chosen,
    choice,
    choose: (category: Category, on: boolean) => setChosen((c) => ({ ...c, [category]: on })),
    canUpload,
    upload: canUpload && upload,
    chooseUpload: setUpload,
    busy,
    error,
    accept,
  };
}
