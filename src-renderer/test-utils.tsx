/** Shared helpers for component tests: render inside an ApiProvider backed by the fake transport. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, vi, type Mock } from 'vitest';
import { ApiProvider } from './api';
import { PlaybackProvider, type Playback } from './app';
import { createFakeApi, type FakeApi, type FakeState, type Handlers } from './api/testing';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export function renderWithApi(ui: ReactElement, init: Partial<FakeState> = {}, handlers: Handlers = {}): RenderResult & { fake: FakeApi } {
  const fake = createFakeApi(init, handlers);
  const result = render(<ApiProvider client={fake.client}>{ui}</ApiProvider>);
  return { ...result, fake };
}

/** A player that only records what screens asked of it. */
export function fakePlayback(over: Partial<Playback> = {}): Playback & { [K in 'playItem' | 'playTracks' | 'queueTracks']: Mock } {
  return { playItem: vi.fn(), playTracks: vi.fn(), queueTracks: vi.fn(), playingId: null, ...over } as Playback & { [K in 'playItem' | 'playTracks' | 'queueTracks']: Mock };
}

/** Renders a screen as the shell would: with the API and a recording player. */
export function renderScreen(ui: ReactElement, init: Partial<FakeState> = {}, handlers: Handlers = {}, playback = fakePlayback()) {
  const result = renderWithApi(<PlaybackProvider value={playback}>{ui}</PlaybackProvider>, init, handlers);
  return { ...result, playback };
}
