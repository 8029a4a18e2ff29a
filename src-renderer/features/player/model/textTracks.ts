/**
 * Which of a media element's text tracks show. The element's list is not ours alone: Chromium adds the
 * TextTrack of every `<track>` as it is inserted and, once any subtitle has been shown on the element, its
 * automatic track selection switches one of the newly added tracks to `showing` by itself, a moment later
 * (after a reopen that is a second track over the one chosen). hls.js may add tracks of its own. So the
 * tracks are told apart by the `<track>` element they belong to (`data-key`: session and index), never by
 * their position in the list, and everything that is not the chosen one is switched off.
 */

/** The `data-key` of a session's text track's `<track>` element. */
export function textTrackKey(sessionId: string, index: number): string {
  return `${sessionId}:${index}`;
}

/**
 * The mode each track should have: `showing` for the first track whose key is `chosen`, `disabled` for every
 * other one (other sessions' leftovers, tracks without a `<track>` of ours, a second copy of the chosen one).
 * Invariant: at most one track is `showing`.
 */
export function textTrackModes(keys: ReadonlyArray<string | null>, chosen: string | null): TextTrackMode[] {
  let shown = false;
  return keys.map((key) => {
    if (shown || chosen === null || key !== chosen) return 'disabled';
    shown = true;
    return 'showing';
  });
}

/** A media element's text tracks with the key of the `<track>` each came from (null: not from one of ours). */
export function keyedTextTracks(el: HTMLMediaElement): Array<{ track: TextTrack; key: string | null }> {
  const owners = new Map<TextTrack, string>();
  for (const trackEl of el.querySelectorAll<HTMLTrackElement>('track[data-key]')) if (trackEl.track) owners.set(trackEl.track, trackEl.dataset.key ?? '');
  const list = el.textTracks;
  const out: Array<{ track: TextTrack; key: string | null }> = [];
  for (let i = 0; i < (list?.length ?? 0); i++) {
    const track = list[i];
    if (track) out.push({ track, key: owners.get(track) ?? null });
  }
  return out;
}

/** Sets every text track of the element to the mode `textTrackModes` gives it; touches only tracks that differ. */
export function applyTextTrackModes(el: HTMLMediaElement, chosen: string | null): void {
  const tracks = keyedTextTracks(el);
  const modes = textTrackModes(
    tracks.map((t) => t.key),
    chosen,
  );
  tracks.forEach(({ track }, i) => {
    const mode = modes[i] ?? 'disabled';
    if (track.mode !== mode) track.mode = mode;
  });
}
