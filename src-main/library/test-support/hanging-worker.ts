import { parentPort } from 'node:worker_threads';
import { handleParseRequest } from '../scan/parse-job.js';
import type { ParseRequest } from '../scan/parse-protocol.js';

/** A parse worker that loops forever on any file whose name contains HANG, like a parser stuck on a hostile file. */
const port = parentPort!;
port.on('message', (request: ParseRequest) => {
  if (request.file.includes('HANG')) for (;;);
  void handleParseRequest(request).then((reply) => port.postMessage(reply));
});
port.postMessage('ready');
