import type { PlayDecision } from '../../../api';

/** The short name of how an item plays, shown in the info panel's pill and in the library. */
export const DECISION_LABEL: Record<PlayDecision, string> = { direct: 'Direct play', remux: 'Remux', transcode: 'Transcode' };
