/**
 * A `stackport` command on PATH for tests that run what the CLI prints (such as `stackport secret KEY | docker
 * secret create NAME -`), as for a user who installed the package: a directory holding a script that runs the
 * built CLI with this Node.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './shared.js';

/** The built CLI's entry point. */
export const STACKPORT_BIN = path.join(REPO_ROOT, 'bin', 'stackport.js');

/** Creates the directory with the `stackport` script and returns it (prepend it to PATH; remove it when done). */
export function stackportShim(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sp-bin-'));
  writeFileSync(path.join(dir, 'stackport'), `#!/bin/sh\nexec '${process.execPath}' '${STACKPORT_BIN}' "$@"\n`);
  chmodSync(path.join(dir, 'stackport'), 0o755);
  return dir;
}
