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
const HOSTS = ['electron', 'web', 'cli'];
const ELECTRON_PACKAGES = new Set(['electron', 'electron-store']);
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Folders of src-main that are layers of their own (DESIGN.md §2). */
const FOLDERS = ['contract', ...ISLANDS, ...HOSTS, 'app', 'event-catalog', 'sqlite', 'hosting', 'test-support'];
/** Single files at the root of src-main that are layers of their own. */
const ROOT_FILES = { 'services.ts': 'services', 'media-urls.ts': 'media-urls', 'ports.ts': 'ports' };
/** What a service island may use besides itself: shared vocabulary and infrastructure, never another service. */
const ISLAND_MAY_USE = new Set(['contract', 'event-catalog', 'sqlite', 'ports', 'test-support']);
/** What a host may use besides itself: the composition root and what it hands out, never a service folder. */
const HOST_MAY_USE = new Set(['contract', 'services', 'media-urls', 'ports', 'hosting', 'test-support']);

/** @param {string} file repo-relative, forward slashes, with or without its .ts/.js ending */
function layerOf(file) {
  if (file.startsWith('src-renderer/')) return 'renderer';
  if (!file.startsWith('src-main/')) return 'other';
  const rest = file.slice('src-main/'.length);
  const folder = rest.split('/')[0];
  if (rest.includes('/')) return FOLDERS.includes(folder) ? folder : 'main-root';
  const asTs = rest.replace(/\.js$/, '.ts');
  return ROOT_FILES[asTs] ?? 'main-root';
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why a package import is not allowed in `layer`, or null. */
function checkPackage(layer, spec) {
  const pkg = packageName(spec);
  if (ELECTRON_PACKAGES.has(pkg) && layer !== 'electron') return `'${pkg}' may be imported only in src-main/electron (DESIGN.md §2).`;
  if (NODE_BUILTINS.has(spec) && (layer === 'contract' || layer === 'renderer')) {
    return `${layer} code must not use Node's '${spec}': it runs in the renderer too.`;
  }
  if ((layer === 'contract' || layer === 'event-catalog') && pkg !== 'zod') return `src-main/${layer} may import only zod, not '${pkg}'.`;
  return null;
}

/** Why an import of `target` (in layer `to`) from `from` (in layer `layer`) is not allowed, or null. */
function checkLocal(from, layer, target, to) {
  if (layer === 'renderer' && target.startsWith('src-main/') && to !== 'contract') {
    return 'src-renderer may import only src-main/contract from main; everything else goes through src-renderer/api.';
  }
  if (layer !== 'renderer' && to === 'renderer' && from.startsWith('src-main/')) return 'main-side code must not import the renderer.';
  if (layer === to) return null;
  if (layer === 'contract') return 'src-main/contract must stay self-contained (zod and types only).';
  if (layer === 'event-catalog' && to !== 'contract') return 'src-main/event-catalog is vocabulary: it may import only src-main/contract.';
  if (ISLANDS.includes(layer) && !ISLAND_MAY_USE.has(to)) {
    return `src-main/${layer} must not import ${target}: ${ISLANDS.join(', ')} meet only in services.ts, and use only ${[...ISLAND_MAY_USE].join(', ')} besides.`;
  }
  if (layer === 'web' && to === 'electron') return 'the web host must not import the Electron host.';
  if (layer === 'electron' && to === 'web') return 'the Electron host must not import the web host.';
  // The command line starts the web host, so it may use it; no host may reach past services.ts.
  if (HOSTS.includes(layer) && !HOST_MAY_USE.has(to) && !(layer === 'cli' && to === 'web')) {
    return `the ${layer} host must not import ${target}: hosts use only services.ts, the contract, media-urls.ts, the ports and hosting/.`;
  }
  if (['sqlite', 'hosting', 'ports', 'media-urls'].includes(layer) && (ISLANDS.includes(to) || HOSTS.includes(to) || to === 'app' || to === 'services')) {
    return `src-main/${layer} is shared infrastructure: it must not import ${target}.`;
  }
  return null;
}

/**
 * @param {string} from repo-relative path of the importing file
 * @param {string} spec the import specifier
 * @returns {string | null} why the import is not allowed, or null
 */
export function checkImport(from, spec) {
  const layer = layerOf(from);
  if (!spec.startsWith('.') && !spec.startsWith('/')) return checkPackage(layer, spec);
  const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(from), spec)).split(path.sep).join('/');
  return checkLocal(from, layer, target, layerOf(target));
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
