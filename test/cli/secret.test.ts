/**
 * `stackport secret KEY` (issue 16): the value of a secret read as Compose reads it, for a pipe into
 * `docker secret create`. The Swarm conversion prints it with the same loading flags, so the printed command works
 * as printed when the variable is only in `.env` or an `--env-file`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { runStackport } from '../helpers/run-cli.js';

const COMPOSE = `services:
  api:
    image: app:1
    secrets: [api_token, db_password]
secrets:
  api_token:
    environment: API_TOKEN
  db_password:
    file: ./db_password.txt
`;

function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stackport-secret-'));
  writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE);
  writeFileSync(path.join(dir, 'db_password.txt'), 'from-file\n');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('stackport secret', () => {
  it('writes the value of a variable that is only in .env, and nothing else', async () => {
    const run = await runStackport(['secret', 'api_token'], project({ '.env': 'API_TOKEN="quoted value"\n' }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('quoted value');
    expect(run.stderr).toBe('');
  });

  it('reads the shell first, as Compose does, and a secret file as it is', async () => {
    const dir = project({ '.env': 'API_TOKEN=from-dotenv\n' });
    expect((await runStackport(['secret', 'api_token'], dir, { API_TOKEN: 'from-shell' })).stdout).toBe('from-shell');
    expect((await runStackport(['secret', 'db_password'], dir)).stdout).toBe('from-file\n');
  });

  it('takes the loading flags, such as --env-file and -f', async () => {
    const dir = project({ 'conf/prod.env': 'API_TOKEN=prod\n', 'other/compose.yaml': COMPOSE, 'other/db_password.txt': 'x' });
    const run = await runStackport(['secret', 'api_token', '-f', 'other/compose.yaml', '--env-file', 'conf/prod.env'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('prod');
  });

  it('refuses to print on a terminal', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['secret', 'api_token'], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stderrIsTty: false,
      stdoutIsTty: true,
      env: { API_TOKEN: 'sensitive' },
      cwd: project(),
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('pipe it into a command');
    expect(stderr).not.toContain('sensitive');
  });

  it('fails, with a located error, for an unknown key or an unset variable', async () => {
    const dir = project();
    const unknown = await runStackport(['secret', 'nope'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('SECRET_NOT_FOUND');
    expect(unknown.stderr).toContain('api_token, db_password');
    const unset = await runStackport(['secret', 'api_token'], dir);
    expect(unset.code).toBe(2);
    expect(unset.stdout).toBe('');
    expect(unset.stderr).toMatch(/compose\.yaml:7:\d+: error SECRET_NO_VALUE/);
  });
});

describe('the Swarm conversion prints it with the same loading flags', () => {
  it('so the printed command loads the same project', async () => {
    const dir = project({ 'conf/prod.env': 'API_TOKEN=prod\n' });
    const run = await runStackport(['convert', '--to', 'swarm', '-f', 'compose.yaml', '--env-file', 'conf/prod.env', '-o', 'out'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^stackport: run: stackport secret api_token -f compose\.yaml --env-file conf\/prod\.env \| docker secret create [a-z0-9-]+_api_token_[0-9a-f]{10} -$/m);
    expect(run.stderr).not.toContain('prod\n');
  });

  it('and an unset variable is an error before anything is written', async () => {
    const dir = project();
    const run = await runStackport(['convert', '--to', 'swarm', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/compose\.yaml:7:\d+: error SWARM_SECRET_VARIABLE_UNSET/);
    expect((await import('node:fs')).existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
