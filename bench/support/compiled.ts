import path from 'node:path';

/**
 * Compiles `entry` to one ESM file (packages stay external), as the app runs its code: under tsx every
 * worker would load the TypeScript source through tsx's loader, and a process under tsx carries the loader
 * and its transforms, memory the app never pays. (esbuild comes with tsx and vite.)
 */
export async function compiled(entry: URL, name: string): Promise<URL> {
  const { buildSync } = await import('esbuild');
  const outfile = path.resolve('node_modules/.cache/glasswing-bench', name);
  buildSync({
    entryPoints: [entry.pathname],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return new URL(`file://${outfile}`);
}
