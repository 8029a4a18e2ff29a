/** Shared helpers for component tests: render inside an ApiProvider backed by the fake transport. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { ApiProvider } from './api';
import { createFakeApi, type FakeApi, type FakeState, type Handlers } from './api/testing';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export function renderWithApi(ui: ReactElement, init: Partial<FakeState> = {}, handlers: Handlers = {}): RenderResult & { fake: FakeApi } {
  const fake = createFakeApi(init, handlers);
  const result = render(<ApiProvider client={fake.client}>{ui}</ApiProvider>);
  return { ...result, fake };
}
