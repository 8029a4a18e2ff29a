// Builds main and renderer unless the build is newer than every source file, so `npm start` is quick
// the second time and always right.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// The build's own outputs are its stamp: both are rewritten by every build.
const outputs = [path.join(root, 'build', 'main', 'cli', 'main.js'), path.join(root, 'build', 'renderer', 'index.html')];

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p));
    else t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

export function buildIfStale() {
  const sources = Math.max(
    newest(path.join(root, 'src-main')),
    newest(path.join(root, 'src-renderer')),
    ...['package.json', 'tsconfig.json', 'tsconfig.main.json'].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
  );
  const built = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  if (built > sources) return;
  process.stdout.write('Building Glasswing…\n');
  fs.rmSync(path.join(root, 'build'), { recursive: true, force: true });
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
