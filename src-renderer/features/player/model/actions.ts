import type { AudioTrack, SubtitleTrack } from '../../../api';
import type { PlayerAction } from './keys';

/** One frame at 25 fps; close enough for stepping at any common rate. */
const FRAME_SEC = 0.04;

/** What an action may touch besides the media element; the player supplies it afresh on every key. */
interface ActionContext {
  /** The session's length when the element does not know it yet (an HLS stream still loading). */
  durationSec: number | null;
  /** Text tracks the `c` key cycles through, and the one shown now. */
  textTracks: readonly SubtitleTrack[];
  subtitle: number | null;
  setSubtitle(index: number | null): void;
  /** Empty before a session is open. */
  audioTracks: readonly AudioTrack[];
  chooseAudio(index: number, atSec: number): void;
  next?: (() => void) | undefined;
  previous?: (() => void) | undefined;
  fullscreenTarget: HTMLElement | null;
  showHelp(): void;
  /** A short notice over the picture ("Volume 60 %"). */
  flash(text: string): void;
}

/** Carries out one player action (issue 7's keys) on the media element. */
export function runAction(action: PlayerAction, el: HTMLMediaElement, ctx: ActionContext): void {
  const duration = Number.isFinite(el.duration) && el.duration > 0 ? el.duration : (ctx.durationSec ?? 0);
  switch (action.type) {
    case 'toggle':
      if (el.paused) void el.play?.()?.catch(() => undefined);
      else el.pause();
      return;
    case 'seekBy':
      el.currentTime = Math.max(0, Math.min(duration || Infinity, el.currentTime + action.seconds));
      return;
    case 'volumeBy':
      el.volume = Math.round(Math.max(0, Math.min(1, el.volume + action.delta)) * 100) / 100;
      ctx.flash(`Volume ${Math.round(el.volume * 100)} %`);
      return;
    case 'mute':
      el.muted = !el.muted;
      ctx.flash(el.muted ? 'Muted' : 'Sound on');
      return;
    case 'fullscreen':
      if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
      else void ctx.fullscreenTarget?.requestFullscreen?.().catch(() => undefined);
      return;
    case 'subtitles': {
      const tracks = ctx.textTracks;
      if (tracks.length === 0) return ctx.flash('No subtitles');
      // Off comes after the last track, then the first again.
      const at = tracks.findIndex((t) => t.index === ctx.subtitle);
      const next = at + 1 < tracks.length ? tracks[at + 1] : undefined;
      ctx.setSubtitle(next?.index ?? null);
      ctx.flash(next ? `Subtitles: ${next.label}` : 'Subtitles off');
      return;
    }
    case 'audioTrack': {
      const tracks = ctx.audioTracks;
      if (tracks.length < 2) return ctx.flash('Only one audio track');
      const at = tracks.findIndex((t) => t.selected);
      const next = tracks[(at + 1) % tracks.length];
      if (next) ctx.chooseAudio(next.index, el.currentTime);
      return;
    }
    case 'next':
      ctx.next?.();
      return;
    case 'previous':
      ctx.previous?.();
      return;
    case 'frame':
      if (!el.paused) return;
      el.currentTime = Math.max(0, el.currentTime + action.direction * FRAME_SEC);
      return;
    case 'seekToFraction':
      if (duration > 0) el.currentTime = duration * action.fraction;
      return;
    case 'help':
      ctx.showHelp();
      return;
  }
}
