/**
 * The audio and subtitle tracks of a session: which audio stream plays, which subtitle track shows by itself,
 * which image track is burned in, and how the player lists them all. Pure, but for the listing of subtitle
 * files beside the video.
 */
import { AppError, type AudioTrack, type OpenPlayback, type SubtitleTrack } from '../contract/index.js';
import { codecLabel, IMAGE_FORMAT_NAME } from './decide.js';
import { baseLanguage, languageName } from './languages.js';
import type { AudioStream, SubtitleStream } from './probe.js';
import { vttName, type SubtitleSource } from './subtitle-files.js';
import { findExternalSubtitles, subtitleFormat, TEXT_SUBTITLE_CODECS, type ExternalSubtitle } from './subtitles.js';

export interface AudioChoice {
  /** The stream that plays; null for a file without sound. */
  stream: AudioStream | null;
  /** It is not the file's default, which is the only one a browser plays by itself. */
  notDefault: boolean;
}

/** The audio stream asked for; else the default, then the first, in the preferred language; else the file's default. */
export function chooseAudio(audio: readonly AudioStream[], request: Pick<OpenPlayback, 'audioTrack' | 'language'>): AudioChoice {
  const fileDefault = audio.find((a) => a.isDefault) ?? audio[0] ?? null;
  const preferred = baseLanguage(request.language);
  const inLanguage = preferred ? audio.filter((a) => baseLanguage(a.language) === preferred) : [];
  const stream = (request.audioTrack !== undefined ? audio[request.audioTrack] : undefined) ?? inLanguage.find((a) => a.isDefault) ?? inLanguage[0] ?? fileDefault;
  return { stream, notDefault: stream !== null && stream !== fileDefault };
}

/** The player's list of audio tracks ("English · AAC 5.1"), the chosen one selected. */
export function audioTracks(audio: readonly AudioStream[], chosen: AudioStream | null): AudioTrack[] {
  return audio.map((a, index) => ({
    index,
    label: [languageName(a.language) ?? `Track ${index + 1}`, a.title, `${codecLabel(a.codec)}${a.channels ? ` ${channelLabel(a.channels)}` : ''}`].filter(Boolean).join(' · '),
    language: a.language,
    codec: a.codec,
    channels: a.channels,
    selected: a === chosen,
  }));
}

function channelLabel(channels: number): string {
  return channels === 1 ? 'mono' : channels === 2 ? 'stereo' : channels === 6 ? '5.1' : channels === 8 ? '7.1' : `${channels} ch`;
}

/** A subtitle track as the player will list it, with where its cues come from. */
export interface SubtitleOption {
  track: Omit<SubtitleTrack, 'url' | 'default' | 'burned'>;
  source: SubtitleSource;
}

/** Subtitle files beside the video first, then its embedded streams: a stable order, so an index survives a reopen. */
export function subtitleOptions(videoPath: string, folderRoot: string, embedded: readonly SubtitleStream[]): SubtitleOption[] {
  const options = findExternalSubtitles(videoPath, folderRoot).map(externalOption);
  for (const s of embedded) options.push(embeddedOption(s, options.length));
  return options;
}

function externalOption(ext: ExternalSubtitle, index: number): SubtitleOption {
  const name = languageName(ext.language) ?? 'Unknown language';
  const bits = [ext.forced ? 'forced' : null, ext.note, `external ${ext.format.toUpperCase()}`].filter(Boolean);
  return {
    track: { index, label: `${name} (${bits.join(', ')})`, language: ext.language, forced: ext.forced, origin: 'external', format: ext.format },
    source: { kind: 'external', path: ext.path },
  };
}

function embeddedOption(s: SubtitleStream, index: number): SubtitleOption {
  const text = TEXT_SUBTITLE_CODECS.has(s.codec);
  const format = subtitleFormat(s.codec);
  const name = languageName(s.language) ?? 'Unknown language';
  const bits = [s.forced ? 'forced' : null, s.title && !/forced/i.test(s.title) ? s.title : null, text ? null : `${IMAGE_FORMAT_NAME[format] ?? 'picture'} pictures`].filter(Boolean);
  return {
    track: { index, label: bits.length ? `${name} (${bits.join(', ')})` : name, language: s.language, forced: s.forced, origin: 'embedded', format },
    source: text ? { kind: 'embedded', order: s.order } : { kind: 'image', order: s.order },
  };
}

/** An image track to burn into the picture: its format (for the decision's reason) and its `0:s:<n>`. */
export interface Burn {
  format: SubtitleTrack['format'];
  order: number;
}

/** The track the request asks to burn in, if any; only image tracks are (the player shows text ones). */
export function burnChoice(options: readonly SubtitleOption[], index: number | undefined): Burn | null {
  if (index === undefined) return null;
  const option = options[index];
  if (option?.source.kind !== 'image') throw new AppError('bad-request', 'Only image subtitles are burned in; text subtitles are shown by the player.');
  return { format: option.track.format, order: option.source.order };
}

/**
 * The track that shows by itself, if any: a forced track in the language being heard; with audio in a
 * language other than the user's, a full track in the user's language. Only text tracks show by themselves.
 */
export function defaultSubtitle(options: readonly SubtitleOption[], audioLanguage: string | null, preferredLanguage: string | undefined): number | null {
  const preferred = baseLanguage(preferredLanguage);
  const heard = baseLanguage(audioLanguage) ?? preferred;
  const text = options.filter((o) => o.source.kind !== 'image').map((o) => o.track);
  const forced = text.find((t) => t.forced && baseLanguage(t.language) === heard);
  const foreign = preferred && heard && heard !== preferred ? text.find((t) => !t.forced && baseLanguage(t.language) === preferred) : undefined;
  return (forced ?? foreign)?.index ?? null;
}

/** The player's list of subtitle tracks: text tracks with their WebVTT URL (`url(file)`), which one shows, which is burned in. */
export function subtitleTracks(
  options: readonly SubtitleOption[],
  o: { audioLanguage: string | null; request: Pick<OpenPlayback, 'language' | 'burnSubtitle'>; url: (file: string) => string },
): SubtitleTrack[] {
  const shown = defaultSubtitle(options, o.audioLanguage, o.request.language);
  return options.map(({ track, source }) => ({
    ...track,
    url: source.kind === 'image' ? null : o.url(vttName(track.index)),
    default: track.index === shown,
    burned: track.index === o.request.burnSubtitle,
  }));
}
