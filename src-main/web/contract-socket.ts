import type { WebSocket } from 'ws';
import { ClientFrame, type Reply, type ServerFrame } from '../contract/index.js';
import type { Services } from '../services.js';

/** One WebSocket carrying the contract: calls in, replies and every pushed event out. Returns nothing; cleans up on close. */
export function serveContractSocket(ws: WebSocket, services: Services, onClose: () => void): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = services.events.subscribe((event, payload) => send({ type: 'event', event, payload }));
  ws.on('message', (data, isBinary) => {
    const frame = parseFrame(data, isBinary);
    if (!frame) return ws.close(1007, 'Malformed frame: expected {"id","method","input"} JSON.');
    void services.call(frame.method, frame.input).then((reply: Reply) => send({ type: 'reply', id: frame.id, reply }));
  });
  ws.on('close', () => {
    unsubscribe();
    onClose();
  });
  ws.on('error', () => ws.terminate());
}

function parseFrame(data: unknown, isBinary: boolean): ClientFrame | null {
  if (isBinary) return null;
  try {
    const parsed = ClientFrame.safeParse(JSON.parse(String(data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
