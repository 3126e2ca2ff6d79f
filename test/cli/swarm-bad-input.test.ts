/**
 * Bad input for the Swarm target (issue 16): what Swarm would reject mid-deploy, leaving half a stack, fails the
 * conversion with a located error, and nothing is written.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStackport } from '../helpers/run-cli.js';

function project(compose: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stackport-swarm-bad-'));
  writeFileSync(path.join(dir, 'compose.yaml'), compose);
  return dir;
}

describe('stackport convert --to swarm on input Swarm rejects', () => {
  it.each([
    ['a service name with a dot', 'services:\n  web.1:\n    image: app:1\n', /compose\.yaml:2:3: error SWARM_SERVICE_NAME/],
    ['a config name Swarm refuses', 'services:\n  web:\n    image: app:1\nconfigs:\n  c:\n    name: "a b"\n    content: x\n', /compose\.yaml:6:\d+: error SWARM_RESOURCE_NAME/],
    ['a secret file that does not exist', 'services:\n  web:\n    image: app:1\nsecrets:\n  s:\n    file: ./missing.txt\n', /compose\.yaml:6:\d+: error SECRET_FILE_UNREADABLE/],
  ])('%s: a located error, exit 2, nothing written', async (_what, compose, expected) => {
    const dir = project(compose);
    const run = await runStackport(['convert', '--to', 'swarm', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
