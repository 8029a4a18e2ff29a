import type { FolderKind, ScanProgress } from '../../../api';
import type { TranscodeQuality } from './types';

export const KINDS: readonly FolderKind[] = ['movies', 'shows', 'music', 'mixed'];
export const KIND_LABEL: Record<FolderKind, string> = { movies: 'Movies', shows: 'Shows', music: 'Music', mixed: 'Mixed' };

export const PHASE_LABEL: Record<ScanProgress['phase'], string> = {
  idle: 'Starting the scan…',
  walking: 'Looking for files',
  parsing: 'Reading tags and media details',
  indexing: 'Updating the index',
  done: 'Scan finished',
  cancelled: 'Scan cancelled',
  failed: 'Scan failed',
};

export const QUALITIES: ReadonlyArray<{ value: TranscodeQuality; label: string }> = [
  { value: 'original', label: 'Original size' },
  { value: '1080p', label: '1080p (Full HD)' },
  { value: '720p', label: '720p (HD)' },
  { value: '480p', label: '480p (SD)' },
];
