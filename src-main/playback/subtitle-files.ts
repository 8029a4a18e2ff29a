import path from 'node:path';
import type { StreamFile } from './stream-file.js';
import { convertToWebVtt, SubtitleError } from './subtitles.js';
import type { Tools } from './tools.js';

/** Where a subtitle track's cues come from. Image tracks have none to give: they can only be burned in. */
export type SubtitleSource = { kind: 'external'; path: string } | { kind: 'embedded'; order: number } | { kind: 'image'; order: number };

/** The file name of subtitle track `n` as WebVTT (in the session's URLs and its folder). */
export function vttName(n: number): string {
  return `${n}.vtt`;
}

/** A session's text subtitle tracks as WebVTT files, each converted once, on its first request. */
export class SubtitleFiles {
  private readonly converted = new Map<number, Promise<StreamFile>>();

  /**
   * @param sources the session's subtitle tracks, by track index
   * @param mediaPath the media file whose embedded streams `sources` name
   * @param dir where the WebVTT files go
   */
  constructor(
    private readonly tools: Tools,
    private readonly sources: readonly SubtitleSource[],
    private readonly mediaPath: string,
    private readonly dir: string,
  ) {}

  /** `<n>.vtt`, converted once; null when there is no such text track. */
  file(name: string): Promise<StreamFile> | null {
    const m = /^(\d{1,2})\.vtt$/.exec(name);
    const n = m ? Number(m[1]) : -1;
    const source = this.sources[n];
    if (!source || source.kind === 'image') return null;
    let pending = this.converted.get(n);
    if (!pending) {
      pending = this.convert(n, source);
      this.converted.set(n, pending);
    }
    return pending;
  }

  private convert(n: number, source: Exclude<SubtitleSource, { kind: 'image' }>): Promise<StreamFile> {
    const out = path.join(this.dir, vttName(n));
    const input = source.kind === 'external' ? source.path : this.mediaPath;
    const order = source.kind === 'external' ? null : source.order;
    return convertToWebVtt(this.tools, input, order, out, path.basename(input)).then(
      (): StreamFile => ({ status: 200, contentType: 'text/vtt; charset=utf-8', path: out }),
      (err: unknown): StreamFile => ({ status: 500, message: err instanceof SubtitleError ? err.message : 'The subtitles could not be converted.' }),
    );
  }
}
