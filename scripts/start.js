// `npm start`: builds, then opens the desktop app where the Electron binary is installed, or starts the
// loopback web host on a demo library (generated on first run) where it is not. Extra args go to the app.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.js';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

try {
  execFileSync('bash', [path.join(root, 'scripts', 'system-deps.sh')], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
buildIfStale();

function electronBinary() {
  try {
    const dir = path.join(root, 'node_modules', 'electron');
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let child;
if (electron && hasDisplay) {
  child = spawn(electron, [root, ...args], { stdio: 'inherit' });
} else {
  const why = !electron
    ? 'the Electron binary is not installed (npx install-electron fetches it)'
    : 'there is no display';
  process.stdout.write(`Starting the web host instead of the desktop app: ${why}.\n`);
  child = spawn(process.execPath, [path.join(root, 'bin', 'glasswing.js'), 'serve', '--demo', ...args], { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
