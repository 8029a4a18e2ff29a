import type { ErrorCode } from './api.js';

/**
 * An error whose message is safe to show the user and to send to the renderer.
 * Anything thrown that is not an AppError crosses the wire as `internal` with a generic message.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
