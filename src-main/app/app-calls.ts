import type { RecordTelemetry } from '../event-catalog/index.js';
import type { HistoryService } from '../history/index.js';
import type { CallsOf } from './calls.js';

export interface AppInfo {
  host: 'web' | 'electron';
  appVersion: string;
  canPickFolders: boolean;
}

export function appCalls(info: AppInfo, record: RecordTelemetry): CallsOf<'app'> {
  return {
    'app.info': async () => ({ version: info.appVersion, host: info.host, canPickFolders: info.canPickFolders }),
    'app.noteFeature': async ({ feature }) => (record('ui.feature_used', { feature }), {}),
  };
}

/** "Your stats": the local history, never sent. */
export function statsCalls(history: HistoryService): CallsOf<'stats'> {
  return { 'stats.get': async () => history.stats() };
}
