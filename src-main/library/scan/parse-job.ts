import type { ParseReply, ParseRequest } from './parse-protocol.js';
import { readLocalMetadata } from '../metadata/local-metadata.js';
import { parseAudio } from './probe-audio.js';
import { toProbeFailure } from './probe-errors.js';
import { sampleHash } from './sample-hash.js';
import { readVideoHeaders } from './video-headers.js';

/** Answers one parse request inside a worker (see `ParseRequest`). */
export async function handleParseRequest(request: ParseRequest): Promise<ParseReply> {
  try {
    const hash = sampleHash(request.file, request.size);
    const base = { id: request.id, ok: true as const, sampleHash: hash, audio: null, video: null, local: null };
    const { sidecars } = request;
    // The embedded picture is read only when no poster file will be used; its bytes stay in this worker.
    const cover: { data: Uint8Array | null } | undefined = sidecars?.paths.embeddedCover ? { data: null } : undefined;
    if (request.op === 'audio') {
      const audio = await parseAudio(request.file, request.ext, cover);
      return { ...base, audio, local: sidecars ? readLocalMetadata(sidecars, cover?.data ?? null) : null };
    }
    if (request.op === 'video') {
      const video = await readVideoHeaders(request.file, request.ext, request.size, cover);
      return { ...base, video, local: sidecars ? readLocalMetadata(sidecars, cover?.data ?? null) : null };
    }
    return base;
  } catch (error) {
    const failure = toProbeFailure(error);
    return { id: request.id, ok: false, reason: failure.reason, transient: failure.transient };
  }
}
