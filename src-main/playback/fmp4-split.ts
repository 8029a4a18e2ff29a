import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * Turns one whole fragmented MP4 written by ffmpeg's segment muxer (hls-plan.ts, copied video) into what an
 * HLS fMP4 stream serves: its ftyp+moov is the init segment (the same bytes in every file of a stream),
 * the rest, behind a `styp` like the hls muxer writes, is the media segment. Both appear by rename, so a
 * file with its final name is always whole, as with `-hls_flags temp_file`.
 */
class Fmp4SplitError extends Error {}

/** `styp`: major brand msdh, minor 0, compatible msdh and msix (what ffmpeg's hls muxer puts first). */
const STYP = Buffer.from('00000018737479706d736468000000006d7364686d736978', 'hex');
const HEAD_READ = 256 * 1024;

export async function splitSegment(raw: string, segment: string, init: string | null): Promise<void> {
  const head = await readHead(raw);
  const end = headerEnd(head.bytes);
  if (end >= head.size) throw new Fmp4SplitError('ffmpeg wrote a segment without any media.');
  if (init !== null && !fs.existsSync(init)) {
    await fs.promises.writeFile(`${init}.tmp`, head.bytes.subarray(0, end));
    await fs.promises.rename(`${init}.tmp`, init);
  }
  // Every runner cuts a segment alike: one written before (before a seek back) stays, and may be being served.
  if (fs.existsSync(segment)) {
    await fs.promises.rm(raw, { force: true });
    return;
  }
  const out = fs.createWriteStream(`${segment}.tmp`);
  out.write(STYP);
  await pipeline(fs.createReadStream(raw, { start: end }), out);
  await fs.promises.rename(`${segment}.tmp`, segment);
  await fs.promises.rm(raw, { force: true });
}

async function readHead(file: string): Promise<{ bytes: Buffer; size: number }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.alloc(Math.min(size, HEAD_READ));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return { bytes: bytes.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** Where the leading ftyp and moov boxes end. Pure. */
export function headerEnd(bytes: Buffer): number {
  let at = 0;
  for (const want of ['ftyp', 'moov']) {
    if (at + 8 > bytes.length) throw new Fmp4SplitError('ffmpeg wrote a segment whose header is cut short.');
    const size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type !== want || size < 8 || at + size > bytes.length) throw new Fmp4SplitError(`ffmpeg wrote a segment without its ${want} box where expected.`);
    at += size;
  }
  return at;
}
