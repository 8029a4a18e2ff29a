import type { ErrorCode } from '../../src-main/contract/api';

/** `unavailable`: the renderer could not reach main (socket down past the wait, session refused). */
type ApiErrorCode = ErrorCode | 'unavailable';

/** A failed call. `message` is safe to show the user as text. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The message to show for anything a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
