import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What `new Worker(code, { eval })` is given to start a worker from a module. */
export interface WorkerSource {
  code: string | URL;
  eval: boolean;
}

/**
 * Where a worker's code is. In a build, the compiled `.js` sits next to the module that starts it. Under
 * vitest or tsx only the `.ts` source exists, and a worker thread does not inherit the parent's TypeScript
 * loader, so the worker starts from a small ESM stub that loads the source through tsx's `tsImport` (tsx
 * is a dev dependency; a build never takes this path). Used for the parse workers and the library engine.
 */
export function workerSource(compiled: URL): WorkerSource {
  if (fs.existsSync(fileURLToPath(compiled))) return { code: compiled, eval: false };
  const source = new URL(compiled.href.replace(/\.js$/, '.ts')).href;
  const require = createRequire(import.meta.url);
  const tsxRoot = path.dirname(require.resolve('tsx/package.json'));
  const manifest = JSON.parse(fs.readFileSync(path.join(tsxRoot, 'package.json'), 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = pathToFileURL(path.join(tsxRoot, manifest.exports['./esm/api']!.import.default)).href;
  return { code: `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}));`, eval: true };
}
