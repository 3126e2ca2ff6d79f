#!/usr/bin/env node
// A thin shim: everything lives in the library so build scripts can call it too. The CLI runs from one bundle
// with a V8 code cache (scripts/bundle.mjs) because that starts far faster than compiling a hundred modules.
'use strict';
const { loadCliBundle } = require('./load-bundle.js');

const cli = loadCliBundle().exports;
cli.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Leaving at once skips the collector's idle-time work (~10 ms) that would otherwise run before exit; only
  // when nothing is left to write, so no output is ever cut short.
  if (!cli.outputPending()) process.exit(code);
});
