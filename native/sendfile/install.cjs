// Builds the addon where it has something to do (Linux). Elsewhere, and wherever the build fails, the web
// host serves media through its streaming path instead, so a failed build must never fail `npm ci`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

if (process.platform !== 'linux') {
  console.log(`@glasswing/sendfile: not built on ${process.platform} (Linux only); media is streamed instead.`);
  process.exit(0);
}

/** npm names its own node-gyp to install scripts; run by hand, the one bundled with npm is used. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((p) => p && fs.existsSync(p)) ?? null;
}

/** The headers of the running Node, where its install has them, so that nothing is downloaded. */
function nodeDirArgs() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = path.join(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h')) ? [`--nodedir=${path.resolve(prefix)}`] : [];
}

const gyp = nodeGyp();
const args = ['rebuild', ...nodeDirArgs()];
const run = gyp
  ? spawnSync(process.execPath, [gyp, ...args], { stdio: 'inherit', cwd: __dirname })
  : spawnSync('node-gyp', args, { stdio: 'inherit', cwd: __dirname });
if (run.status !== 0) {
  const why = run.error ? run.error.message : `exit ${run.status}`;
  console.warn(`@glasswing/sendfile: the build failed (${why}); media will be streamed without sendfile (slower, still correct).`);
}
process.exit(0);
