/**
 * Regenerates the catalog allowlist in deploy/otel-collector/config.yaml (the block between the BEGIN and
 * END markers): `npx tsx scripts/gen-collector-allowlist.ts`. Run it after every catalog change;
 * src-main/telemetry/collector-config.test.ts fails while the file and the catalog disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BEGIN_MARKER, END_MARKER, generatedBlock } from '../src-main/telemetry/collector-allowlist.js';

const file = path.resolve(import.meta.dirname, '../deploy/otel-collector/config.yaml');
const text = fs.readFileSync(file, 'utf8');
const start = text.indexOf(`  ${BEGIN_MARKER}`);
const end = text.indexOf(`  ${END_MARKER}`);
if (start < 0 || end < start) throw new Error(`${file}: the generated-block markers are missing`);
const next = text.slice(0, start) + generatedBlock() + text.slice(end + `  ${END_MARKER}`.length);
fs.writeFileSync(file, next);
console.log(next === text ? `${path.relative(process.cwd(), file)} is up to date` : `updated ${path.relative(process.cwd(), file)}`);
