#!/usr/bin/env node
// A thin shim: everything lives in the library so build scripts can call it too.
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
