import type { Api, CallName } from '../contract/index.js';

/** The handlers of one contract namespace: `CallsOf<'library'>` is every `library.*` call. */
export type CallsOf<Namespace extends string> = Pick<Api, Extract<CallName, `${Namespace}.${string}`>>;
