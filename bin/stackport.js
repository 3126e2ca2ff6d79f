#!/usr/bin/env node
// A thin shim: everything lives in the library so build scripts can call it too. The CLI runs from a bundle
// (scripts/bundle.mjs) because loading one file starts faster than resolving a hundred modules.
import { runCli } from '../dist/bundle/main.js';

process.exitCode = await runCli(process.argv.slice(2));
