/** The only door to main. Features import from here, never from a transport file. */
export type { Client } from './client';
export { ApiError, errorMessage } from './errors';
export { boot, type BootResult } from './boot';
export { ApiProvider, useApi, useNoteFeature } from './react';
export type { ConnectionState } from './transport';
export type * from '../../src-main/contract/api';
export type * from '../../src-main/contract/library';
export type * from '../../src-main/contract/playback';
export type * from '../../src-main/contract/telemetry';
