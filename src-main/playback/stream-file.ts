/** What a session's stream route sends back: a file, a text body, or an error in words. */
export type StreamFile =
  | { status: 200; contentType: string; path: string }
  | { status: 200; contentType: string; text: string }
  | { status: 404 | 500 | 503 | 504; message: string };

export const SESSION_ENDED_MESSAGE = 'This playback session has ended.';

/** The answer for any file of a session that has ended (or never was). */
export const SESSION_ENDED: StreamFile = { status: 404, message: SESSION_ENDED_MESSAGE };
