import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'glasswing/layers').map((m) => m.message);
}

// Proves that `npm run lint` fails on a deliberate violation of DESIGN.md §2, for each rule of the layering.
describe('layering is enforced by lint', () => {
  it.each([
    ['src-main/library/x.ts', "import { openTelemetry } from '../telemetry/index.js';"],
    ['src-main/library/x.ts', "import { openTelemetry } from '../library/../telemetry/index.js';"],
    ['src-main/telemetry/x.ts', "export * from '../playback/index.js';"],
    ['src-main/playback/x.ts', "import { openLibrary } from '../library/index.js';"],
    ['src-main/playback/x.ts', "import { createServices } from '../services.js';"],
    ['src-main/history/x.ts', "import { openTelemetry } from '../telemetry/index.js';"],
    ['src-main/library/x.ts', "import { app } from 'electron';"],
    ['src-main/web/x.ts', "import Store from 'electron-store';"],
    ['src-main/web/x.ts', "import { registerSchemes } from '../electron/protocols.js';"],
    ['src-renderer/features/library/x.ts', "import { openLibrary } from '../../../src-main/library/index.js';"],
    ['src-renderer/x.ts', "import fs from 'node:fs';"],
    ['src-main/contract/x.ts', "import fs from 'node:fs';"],
    ['src-main/contract/x.ts', "import { openLibrary } from '../library/index.js';"],
    ['src-main/electron/main.ts', "import { defaultPolicyPath } from '../telemetry/index.js';"],
    ['src-main/electron/x.ts', "import { openFileSettings } from '../settings/index.js';"],
    ['src-main/cli/main.ts', "import { identifyPath } from '../library/index.js';"],
    ['src-main/web/server.ts', "import { mediaResponse } from '../playback/media.js';"],
    ['src-main/web/server.ts', "import { dispatch } from '../app/dispatch.js';"],
    ['src-main/library/x.ts', "import { dispatch } from '../app/index.js';"],
    ['src-main/library/x.ts', "import { mediaUrls } from '../media-urls.js';"],
    ['src-main/event-catalog/x.ts', "import { openTelemetry } from '../telemetry/index.js';"],
    ['src-main/event-catalog/x.ts', "import fs from 'node:fs';"],
    ['src-main/sqlite/x.ts', "import { openLibrary } from '../library/index.js';"],
    ['src-main/hosting/x.ts', "import { createServices } from '../services.js';"],
  ])('%s may not say: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-main/library/x.ts', "import { AppError } from '../contract/index.js';"],
    ['src-main/services.ts', "import { openLibrary } from './library/index.js';"],
    ['src-main/electron/x.ts', "import { app } from 'electron';"],
    ['src-renderer/api/x.ts', "import type { Api } from '../../src-main/contract/index.js';"],
    ['src-main/contract/x.ts', "import { z } from 'zod';"],
    ['src-main/cli/main.ts', "import { startWebHost } from '../web/server.js';"],
    ['src-main/web/server.ts', "import { parseMediaUrl } from '../media-urls.js';"],
    ['src-main/electron/main.ts', "import { rendererDir } from '../hosting/app-shell.js';"],
    ['src-main/playback/x.ts', "import type { RecordTelemetry } from '../event-catalog/index.js';"],
    ['src-main/telemetry/x.ts', "import { openDatabase } from '../sqlite/index.js';"],
    ['src-main/app/x.ts', "import type { LibraryService } from '../library/index.js';"],
  ])('%s may say: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
