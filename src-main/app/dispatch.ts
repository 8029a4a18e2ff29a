import { AppError, calls, isCallName, type Api, type Reply } from '../contract/index.js';

/**
 * The one entry point both transports use: parse the input against the contract, run the handler, and
 * turn every outcome into a reply envelope. Nothing thrown crosses the wire except an AppError's message.
 */
export async function dispatch(api: Api, method: unknown, rawInput: unknown): Promise<Reply> {
  if (!isCallName(method)) return { ok: false, error: { code: 'not-found', message: 'Unknown method.' } };
  const parsed = calls[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: { code: 'bad-request', message: `Invalid input for ${method}${where}: ${issue?.message ?? 'invalid'}` } };
  }
  try {
    const handler = api[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
    console.error(`[glasswing] ${method} failed:`, err);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong in Glasswing. The details are in its log.' } };
  }
}
