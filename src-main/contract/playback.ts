import { z } from 'zod';
import { ItemId, ItemKind } from './library.js';

export const PlayDecision = z.enum(['direct', 'remux', 'transcode']);
export type PlayDecision = z.infer<typeof PlayDecision>;

export const PlaybackSource = z.object({
  sessionId: z.string().uuid(),
  itemId: ItemId,
  kind: ItemKind,
  title: z.string(),
  /** Opaque media URL for this host: `/media/<id>` (web) or `media://item/<id>` (Electron). */
  url: z.string(),
  mime: z.string(),
  decision: PlayDecision,
  /** Why this decision, in words, for the player's info panel. */
  reason: z.string(),
  durationSec: z.number().nullable(),
});
export type PlaybackSource = z.infer<typeof PlaybackSource>;
