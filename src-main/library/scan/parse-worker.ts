import { parentPort } from 'node:worker_threads';
import { handleParseRequest } from './parse-job.js';
import type { ParseRequest } from './parse-protocol.js';

/**
 * A parse worker: reads one file at a time (see `parse-job.ts`) and replies with plain data. It has no
 * timeout of its own: the pool terminates a worker that hangs.
 */
const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

port.on('message', (request: ParseRequest) => {
  void handleParseRequest(request).then((reply) => port.postMessage(reply));
});
// Tells the pool the code is loaded, so a job's timeout measures reading only.
port.postMessage('ready');
