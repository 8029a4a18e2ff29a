// @ts-check
/**
 * The layering of DESIGN.md §2 as a lint rule. Each import is resolved against the importing file, so
 * `../library/../telemetry/x.js` is caught as well as `../telemetry/x.js`: the import string alone is
 * not trusted.
 */
import path from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '..');
const ISLANDS = ['library', 'playback', 'telemetry', 'settings', 'history'];
const ELECTRON_PACKAGES = new Set(['electron', 'electron-store']);
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** @param {string} file repo-relative, forward slashes */
function layerOf(file) {
  if (file.startsWith('src-main/contract/')) return 'contract';
  for (const island of ISLANDS) if (file.startsWith(`src-main/${island}/`)) return island;
  if (file.startsWith('src-main/electron/')) return 'electron';
  if (file.startsWith('src-main/web/')) return 'web';
  if (file.startsWith('src-main/')) return 'main-root';
  if (file.startsWith('src-renderer/')) return 'renderer';
  return 'other';
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * @param {string} from repo-relative path of the importing file
 * @param {string} spec the import specifier
 * @returns {string | null} why the import is not allowed, or null
 */
export function checkImport(from, spec) {
  const layer = layerOf(from);
  if (!spec.startsWith('.') && !spec.startsWith('/')) {
    const pkg = packageName(spec);
    if (ELECTRON_PACKAGES.has(pkg) && layer !== 'electron') {
      return `'${pkg}' may be imported only in src-main/electron (DESIGN.md §2).`;
    }
    if (NODE_BUILTINS.has(spec) && (layer === 'contract' || layer === 'renderer')) {
      return `${layer} code must not use Node's '${spec}': it runs in the renderer too.`;
    }
    if (layer === 'contract' && pkg !== 'zod') return `src-main/contract may import only zod, not '${pkg}'.`;
    return null;
  }
  const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(from), spec)).split(path.sep).join('/');
  const to = layerOf(target);
  if (layer === 'renderer' && target.startsWith('src-main/') && to !== 'contract') {
    return 'src-renderer may import only src-main/contract from main; everything else goes through src-renderer/api.';
  }
  if (layer === 'contract' && to !== 'contract') return 'src-main/contract must stay self-contained (zod and types only).';
  if (ISLANDS.includes(layer) && to !== layer) {
    if (ISLANDS.includes(to) || ['electron', 'web'].includes(to) || target === 'src-main/services.ts' || target === 'src-main/services.js') {
      return `src-main/${layer} must not import ${target}: ${ISLANDS.join(', ')} meet only in services.ts.`;
    }
  }
  if (layer === 'web' && to === 'electron') return 'the web host must not import the Electron host.';
  if (layer === 'electron' && to === 'web') return 'the Electron host must not import the web host.';
  if (layer !== 'renderer' && to === 'renderer' && from.startsWith('src-main/')) return 'main-side code must not import the renderer.';
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: { type: 'problem', docs: { description: 'Enforce the process and folder layering of DESIGN.md §2' }, schema: [] },
  create(context) {
    const from = path.relative(ROOT, context.filename).split(path.sep).join('/');
    /** @param {any} node */
    function check(node) {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const why = checkImport(from, node.value);
      if (why) context.report({ node, message: why });
    }
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n.arguments[0]);
      },
    };
  },
};

export default { rules: { layers: rule } };
