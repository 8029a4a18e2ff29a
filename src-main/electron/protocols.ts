import { protocol } from 'electron';
import type { Services } from '../services.js';
import { appProtocolHandler, mediaProtocolHandler } from './protocol-handlers.js';

/** Must run before `app.ready`: the schemes our renderer and media come from. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'media', privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

/** `app://glasswing/…` serves the renderer build; `media://…` media by opaque id (see protocol-handlers.ts). */
export function handleProtocols(services: Services, rendererDir: string): void {
  protocol.handle('app', appProtocolHandler(rendererDir));
  protocol.handle('media', mediaProtocolHandler(services));
}
