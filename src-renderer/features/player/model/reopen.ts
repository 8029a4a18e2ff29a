import type { PlaybackSource } from '../../../api';

/** A reopen's choices, as far as the panel shows them. */
interface ReopenChoice {
  audioTrack?: number;
  burnSubtitle?: number;
}

/**
 * The session being replaced, shown with the choice that replaces it already made: while the new session
 * opens, the audio menu and the burn-in buttons say what was chosen instead of snapping back for a moment.
 */
export function pendingView(previous: PlaybackSource, choice: ReopenChoice): PlaybackSource {
  const audioTracks =
    choice.audioTrack === undefined ? previous.audioTracks : previous.audioTracks.map((t) => ({ ...t, selected: t.index === choice.audioTrack }));
  const subtitles = previous.subtitles.map((t) => (t.url === null ? { ...t, burned: t.index === choice.burnSubtitle } : t));
  return { ...previous, audioTracks, subtitles };
}

/** What the picture says while a reopen is under way. */
export function switchingLabel(kind: 'audio' | 'burn' | 'unburn'): string {
  switch (kind) {
    case 'audio':
      return 'Switching audio track…';
    case 'burn':
      return 'Burning in subtitles…';
    case 'unburn':
      return 'Removing burned-in subtitles…';
  }
}
