/**
 * Loads the CLI bundle (dist/bundle/cli.cjs) with its V8 code cache when there is one; see scripts/bundle.mjs.
 * CommonJS, like the bundle, so starting the CLI involves no ES module loader.
 */
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const bundleDir = path.join(__dirname, '..', 'dist', 'bundle');

/**
 * Compiles and runs the bundle in `dir` (dist/bundle by default) as a CommonJS module; returns its exports and the
 * compiled script.
 */
function loadCliBundle(dir = bundleDir) {
  const filename = path.join(dir, 'cli.cjs');
  // scripts/bundle.mjs writes the bundle in ASCII, so latin1 reads it exactly, without UTF-8 decoding.
  const source = readFileSync(filename, 'latin1');
  let cachedData;
  try {
    cachedData = readFileSync(path.join(dir, 'cli.cache'));
  } catch {
    cachedData = undefined;
  }
  // scripts/bundle.mjs writes the bundle already wrapped in a CommonJS module function.
  const script = new vm.Script(source, { filename, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dir);
  return { script, exports: module.exports };
}

module.exports = { loadCliBundle };
