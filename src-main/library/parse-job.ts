import type { ParseReply, ParseRequest } from './parse-protocol.js';
import { parseAudio } from './probe-audio.js';
import { toProbeFailure } from './probe-errors.js';
import { sampleHash } from './sample-hash.js';
import { readVideoHeaders } from './video-headers.js';

/** Answers one parse request inside a worker (see `ParseRequest`). */
export async function handleParseRequest(request: ParseRequest): Promise<ParseReply> {
  try {
    const hash = sampleHash(request.file, request.size);
    const base = { id: request.id, ok: true as const, sampleHash: hash, audio: null, video: null };
    if (request.op === 'audio') return { ...base, audio: await parseAudio(request.file, request.ext) };
    if (request.op === 'video') return { ...base, video: await readVideoHeaders(request.file, request.ext, request.size) };
    return base;
  } catch (error) {
    const failure = toProbeFailure(error);
    return { id: request.id, ok: false, reason: failure.reason, transient: failure.transient };
  }
}
