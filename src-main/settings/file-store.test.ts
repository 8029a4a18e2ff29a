import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../contract/index.js';
import { openFileSettings } from './file-store.js';
import { defaultSettings } from './schema.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function dir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-settings-'));
  dirs.push(d);
  return d;
}

describe('the settings file store (web host and CLI)', () => {
  it('starts from defaults and keeps what was set across reopening', () => {
    const d = dir();
    expect(openFileSettings(d).get()).toEqual(defaultSettings);
    openFileSettings(d).update({ telemetryReviewHours: 0 });
    expect(openFileSettings(d).get()).toEqual({ ...defaultSettings, telemetryReviewHours: 0 });
  });

  it('refuses an invalid value with a clear error and keeps the old one', () => {
    const d = dir();
    const s = openFileSettings(d);
    expect(() => s.update({ telemetryReviewHours: -1 })).toThrow(AppError);
    expect(s.get().telemetryReviewHours).toBe(24);
  });

  it('moves an unreadable file aside instead of deleting it, and starts from defaults', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'settings.json'), '{ not json');
    expect(openFileSettings(d).get()).toEqual(defaultSettings);
    const aside = fs.readdirSync(d).filter((f) => f.startsWith('settings.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(d, aside[0]!), 'utf8')).toBe('{ not json');
  });

  it('replaces only the invalid keys of a hand-edited file', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'settings.json'), JSON.stringify({ telemetryReviewHours: 'soon', extra: true }));
    expect(openFileSettings(d).get()).toEqual(defaultSettings);
  });
});
