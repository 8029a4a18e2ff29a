import fs from 'node:fs';

/**
 * A real VobSub pair (`.idx` + `.sub`) for tests, written byte by byte. ffmpeg 5.1 has a `dvdsub` encoder but
 * refuses to feed it from a text subtitle ("only possible from text to text or bitmap to bitmap"), and it
 * has no PGS encoder at all, so the pictures are drawn here: each cue is a dark box with white block
 * letters across the lower part of the frame. ffmpeg then muxes the pair into an MKV with `-c:s copy`.
 *
 * Format: every cue is one DVD sub-picture unit (SPU: 2-bit run-length-coded fields plus a control
 * sequence that sets colours, area and display times) in one MPEG-2 PES packet (private stream 1,
 * sub-stream 0x20) after a pack header; the `.idx` gives the frame size, palette and each cue's offset.
 */

export interface ImageCue {
  startSec: number;
  endSec: number;
  /** Upper-case letters from GLYPHS and spaces. */
  text: string;
}

/** 5×7 block letters: the few a test needs. */
const GLYPHS: Record<string, string> = {
  A: '01110/10001/10001/11111/10001/10001/10001',
  B: '11110/10001/10001/11110/10001/10001/11110',
  D: '11110/10001/10001/10001/10001/10001/11110',
  E: '11111/10000/10000/11110/10000/10000/11111',
  G: '01111/10000/10000/10111/10001/10001/01111',
  I: '01110/00100/00100/00100/00100/00100/01110',
  L: '10000/10000/10000/10000/10000/10000/11111',
  M: '10001/11011/10101/10101/10001/10001/10001',
  N: '10001/11001/10101/10011/10001/10001/10001',
  R: '11110/10001/10001/11110/10100/10010/10001',
  S: '01111/10000/10000/01110/00001/00001/11110',
  T: '11111/00100/00100/00100/00100/00100/00100',
  U: '10001/10001/10001/10001/10001/10001/01110',
  ' ': '00000/00000/00000/00000/00000/00000/00000',
};

/** Colour numbers inside a sub-picture; SET_COLOR maps them to palette entries. */
const CLEAR = 0;
const TEXT = 1;
const BOX = 2;

/** Where the box of a cue lies in a frame: centred, in the lower fifth. The pixel test looks there. */
export function cueBox(text: string, frame: { width: number; height: number }): { x: number; y: number; width: number; height: number } {
  const scale = Math.max(1, Math.floor(frame.height / 60));
  const pad = 2 * scale;
  const width = Math.min(frame.width - 2, text.length * 6 * scale - scale + 2 * pad);
  const height = 7 * scale + 2 * pad;
  const x = Math.floor((frame.width - width) / 2);
  const y = frame.height - height - Math.floor(frame.height / 12);
  return { x, y, width, height };
}

/** The cue's pixels, row by row (colour numbers). */
function draw(text: string, frame: { width: number; height: number }): { box: ReturnType<typeof cueBox>; rows: number[][] } {
  const box = cueBox(text, frame);
  const scale = Math.max(1, Math.floor(frame.height / 60));
  const pad = 2 * scale;
  const rows = Array.from({ length: box.height }, () => new Array<number>(box.width).fill(BOX));
  [...text].forEach((ch, i) => {
    const glyph = GLYPHS[ch];
    if (!glyph) throw new Error(`No glyph for “${ch}”`);
    glyph.split('/').forEach((line, gy) => {
      [...line].forEach((bit, gx) => {
        if (bit !== '1') return;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const row = rows[pad + gy * scale + dy];
            const x = pad + (i * 6 + gx) * scale + dx;
            if (row && x < box.width) row[x] = TEXT;
          }
        }
      });
    });
  });
  return { box, rows };
}

/** One line as DVD run-length nibbles, padded to a whole byte. */
function rleLine(row: number[]): number[] {
  const nibbles: number[] = [];
  let i = 0;
  while (i < row.length) {
    const colour = row[i] ?? CLEAR;
    let run = 1;
    while (i + run < row.length && row[i + run] === colour && run < 255) run++;
    const code = (run << 2) | colour;
    // 1, 2, 3 or 4 nibbles, the longer forms led by zero nibbles.
    const width = run < 4 ? 1 : run < 16 ? 2 : run < 64 ? 3 : 4;
    for (let n = width - 1; n >= 0; n--) nibbles.push((code >> (4 * n)) & 0xf);
    i += run;
  }
  if (nibbles.length % 2) nibbles.push(0);
  return nibbles;
}

function packNibbles(nibbles: number[]): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < nibbles.length; i += 2) bytes.push(((nibbles[i] ?? 0) << 4) | (nibbles[i + 1] ?? 0));
  return bytes;
}

/** A sub-picture unit: both fields, then two control sequences (show now, hide after the cue's length). */
function spu(cue: ImageCue, frame: { width: number; height: number }): Buffer {
  const { box, rows } = draw(cue.text, frame);
  const top = packNibbles(rows.filter((_, y) => y % 2 === 0).flatMap(rleLine));
  const bottom = packNibbles(rows.filter((_, y) => y % 2 === 1).flatMap(rleLine));
  const topAt = 4;
  const bottomAt = topAt + top.length;
  const firstAt = bottomAt + bottom.length;
  const x2 = box.x + box.width - 1;
  const y2 = box.y + box.height - 1;
  const first = [
    0x03, (CLEAR << 4) | BOX, (TEXT << 4) | CLEAR, // SET_COLOR (colours 3, 2, 1, 0): colour n → palette entry n; 3 is unused
    0x04, 0x0f, 0xf0, // SET_CONTR: colour 3 unused, 2 and 1 opaque, 0 transparent
    0x05, box.x >> 4, ((box.x & 0xf) << 4) | (x2 >> 8), x2 & 0xff, box.y >> 4, ((box.y & 0xf) << 4) | (y2 >> 8), y2 & 0xff,
    0x06, topAt >> 8, topAt & 0xff, bottomAt >> 8, bottomAt & 0xff,
    0x01, // STA_DSP
    0xff,
  ];
  const secondAt = firstAt + 4 + first.length;
  const delay = Math.round(((cue.endSec - cue.startSec) * 90_000) / 1024);
  const second = [0x02, 0xff]; // STP_DSP
  const total = secondAt + 4 + second.length;
  return Buffer.from([
    total >> 8, total & 0xff, firstAt >> 8, firstAt & 0xff,
    ...top, ...bottom,
    0, 0, secondAt >> 8, secondAt & 0xff, ...first,
    delay >> 8, delay & 0xff, secondAt >> 8, secondAt & 0xff, ...second,
  ]);
}

/** A 33-bit 90 kHz timestamp in the 5-byte PES form. */
function pts(sec: number): number[] {
  const t = Math.round(sec * 90_000);
  const hi = Math.floor(t / 2 ** 30) & 0x7;
  const mid = Math.floor(t / 2 ** 15) & 0x7fff;
  const lo = t & 0x7fff;
  return [0x21 | (hi << 1), mid >> 7, ((mid & 0x7f) << 1) | 1, lo >> 7, ((lo & 0x7f) << 1) | 1];
}

/** MPEG-2 pack header with SCR 0 and a DVD mux rate; the demuxer only needs it to be well formed. */
const PACK_HEADER = [0x00, 0x00, 0x01, 0xba, 0x44, 0x00, 0x04, 0x00, 0x04, 0x01, 0x01, 0x89, 0xc3, 0xf8];

function pesPacket(cue: ImageCue, frame: { width: number; height: number }): Buffer {
  const payload = spu(cue, frame);
  const body = [0x81, 0x80, 0x05, ...pts(cue.startSec), 0x20];
  const length = body.length + payload.length;
  return Buffer.concat([Buffer.from([...PACK_HEADER, 0x00, 0x00, 0x01, 0xbd, length >> 8, length & 0xff, ...body]), payload]);
}

/** Entry 0 transparent black, 1 white, 2 near-black: the colours SET_COLOR points at. */
const PALETTE = ['000000', 'ffffff', '101010', ...new Array<string>(13).fill('808080')];

function idxTime(sec: number): string {
  const ms = Math.round(sec * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}:${pad(ms % 1000, 3)}`;
}

/** Writes `<base>.idx` and `<base>.sub` for a frame of this size; returns the `.idx` path for ffmpeg's `-i`. */
export function writeVobSub(base: string, cues: readonly ImageCue[], frame: { width: number; height: number }, language = 'en'): string {
  const packets: Buffer[] = [];
  const lines = ['# VobSub index file, v7 (do not modify this line!)', `size: ${frame.width}x${frame.height}`, `palette: ${PALETTE.join(', ')}`, `id: ${language}, index: 0`];
  let offset = 0;
  for (const cue of cues) {
    const packet = pesPacket(cue, frame);
    lines.push(`timestamp: ${idxTime(cue.startSec)}, filepos: ${offset.toString(16).padStart(9, '0')}`);
    packets.push(packet);
    offset += packet.length;
  }
  fs.writeFileSync(`${base}.sub`, Buffer.concat(packets));
  fs.writeFileSync(`${base}.idx`, `${lines.join('\n')}\n`);
  return `${base}.idx`;
}
