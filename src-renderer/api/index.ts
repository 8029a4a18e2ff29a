/** The only door to main. Features import from here, never from a transport file. */
export { createClient, type Client } from './client';
export { ApiError, errorMessage, type ApiErrorCode } from './errors';
export { boot, type BootResult } from './boot';
export { ApiProvider, useApi, useNoteFeature } from './react';
export type { ConnectionState, Transport } from './transport';
export type * from '../../src-main/contract/api';
export type * from '../../src-main/contract/library';
export type * from '../../src-main/contract/playback';
export type * from '../../src-main/contract/telemetry';
