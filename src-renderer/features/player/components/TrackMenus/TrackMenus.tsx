import { useId } from 'react';
import type { AudioTrack, SubtitleTrack } from '../../../../api';
import { Button, cx } from '../../../../ui';

export interface TrackMenusProps {
  /** Subtitles the player shows itself (WebVTT), and the one shown now. */
  textTracks: readonly SubtitleTrack[];
  subtitle: number | null;
  onSubtitle: (index: number | null) => void;
  audioTracks: readonly AudioTrack[];
  onAudio: (index: number) => void;
  /** Picture subtitles (PGS, VobSub): burned into the video by reopening the session. */
  imageTracks: readonly SubtitleTrack[];
  /** Burn picture track `index` in, or stop burning it in. */
  onBurnIn: (index: number, burn: boolean) => void;
}

/**
 * Subtitle and audio track choice for a video: a menu for text subtitles, one for audio where there is a
 * choice, and a button per picture track. The controls that reopen the session carry `data-refocus`, so
 * focus can come back to them once the new session is shown.
 */
export function TrackMenus({ textTracks, subtitle, onSubtitle, audioTracks, onAudio, imageTracks, onBurnIn }: TrackMenusProps) {
  const pictureLabel = useId();
  return (
    <div className="player-tracks">
      <label className="player-field">
        <span>Subtitles</span>
        <select aria-label="Subtitles" value={subtitle ?? ''} onChange={(e) => onSubtitle(e.target.value === '' ? null : Number(e.target.value))} disabled={textTracks.length === 0}>
          <option value="">{textTracks.length ? 'Off' : 'None found'}</option>
          <TrackOptions tracks={textTracks} />
        </select>
      </label>
      {audioTracks.length > 1 ? (
        <label className="player-field">
          <span>Audio</span>
          <select aria-label="Audio track" data-refocus="audio" value={audioTracks.find((t) => t.selected)?.index ?? 0} onChange={(e) => onAudio(Number(e.target.value))}>
            <TrackOptions tracks={audioTracks} />
          </select>
        </label>
      ) : null}
      {imageTracks.length ? (
        <div className="player-field" role="group" aria-labelledby={pictureLabel}>
          <span id={pictureLabel}>Picture subtitles</span>
          {imageTracks.map((t) => (
            <Button key={t.index} size="sm" className={cx('burn-in', t.burned && 'is-on')} data-refocus={`burn-${t.index}`} onClick={() => onBurnIn(t.index, !t.burned)}>
              {t.burned ? `Stop burning in ${t.label}` : `Burn in ${t.label}`}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** A menu's options: one per track, by its index, named by its label. */
function TrackOptions({ tracks }: { tracks: ReadonlyArray<{ index: number; label: string }> }) {
  return tracks.map((t) => (
    <option key={t.index} value={t.index}>
      {t.label}
    </option>
  ));
}
