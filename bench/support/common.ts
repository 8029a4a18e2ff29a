/** Shared pieces of `bench/playback.ts`: the media it makes, the capabilities it asks with, small helpers. */
import type { Capabilities } from '../../src-main/contract/index.js';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const SEEK_FRACTION = 0.6;
/** Jellyfin's segment length and preset. */
export const PEER_SEGMENT_SEC = 3;
export const TARGETS = { throughput: 0.8, p99: 1.5, ours: 1.15, peer: 0.5 };

export const CACHE = path.join(os.tmpdir(), 'glasswing-bench-playback');
export const LIBRARY = path.join(CACHE, 'library');
export const SOURCES = {
  h264: { name: 'Harbour Lights (2019).mp4', title: 'Harbour Lights', label: '1080p H.264' },
  hevc: { name: 'Night Crossing (2021).mkv', title: 'Night Crossing', label: '1080p HEVC' },
} as const;
export type SourceKey = keyof typeof SOURCES;
export const RANGE_FILE = { name: 'Bench Reel (2024).mp4', title: 'Bench Reel' };

/** A browser that plays neither source in any form, so both are transcoded (video to H.264, audio to AAC). */
export const CAPS: Record<SourceKey, Capabilities> = {
  // No MP4 direct play and no H.264 through MSE: an odd client, but it makes the H.264 source transcode.
  h264: { direct: { webm: { video: ['vp9', 'vp8', 'av1'], audio: ['opus', 'vorbis'] } }, mse: { video: ['vp9', 'av1'], audio: ['opus'] }, maxAudioChannels: 2 },
  // Chromium without HEVC: the everyday case.
  hevc: {
    direct: { mp4: { video: ['h264', 'av1', 'vp9'], audio: ['aac', 'mp3', 'flac', 'opus'] }, webm: { video: ['vp9', 'vp8', 'av1'], audio: ['opus', 'vorbis'] } },
    mse: { video: ['h264', 'av1', 'vp9', 'vp8'], audio: ['aac', 'mp3', 'flac', 'opus'] },
    maxAudioChannels: 2,
  },
};

export const now = (): number => Number(process.hrtime.bigint()) / 1e6;
export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Got {
  status: number;
  body: Buffer;
}

export function request(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
