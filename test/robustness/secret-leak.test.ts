/**
 * Secrets never leak (issue 6): a unique marker is planted in every secret source (a secret file, an
 * `environment:`-sourced secret, a secret file with an error elsewhere in the project), and every output channel
 * of every command is searched for it, raw and base64-encoded. Only `--secrets inline` may put it in manifests.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStackport } from '../helpers/run-cli.js';

const FILE_MARKER = 'sp-leak-marker-file-7f3a9c';
const ENV_MARKER = 'sp-leak-marker-env-41b2de';
const MARKERS = [FILE_MARKER, ENV_MARKER];

/** Every form in which a marker could appear: raw, and base64 at each of the three alignments. */
function leakForms(marker: string): string[] {
  const forms = [marker];
  for (const prefix of ['', 'a', 'ab']) {
    const encoded = Buffer.from(prefix + marker).toString('base64');
    forms.push(encoded.slice(4, encoded.length - 4));
  }
  return forms;
}

function leaks(text: string): string[] {
  return MARKERS.filter((m) => leakForms(m).some((form) => text.includes(form)));
}

function readTree(dir: string): string {
  let all = '';
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    all += e.isDirectory() ? readTree(full) : readFileSync(full, 'utf8');
  }
  return all;
}

const COMPOSE = `
services:
  api:
    image: example/api:1.0
    secrets: [db_password, api_token]
    environment:
      DB_PASSWORD_FILE: /run/secrets/db_password
  worker:
    image: example/worker:1.0
    secrets:
      - source: db_password
        target: /etc/worker/pw
secrets:
  db_password:
    file: ./secrets/db_password.txt
  api_token:
    environment: API_TOKEN
`;

function project(compose: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stackport-leak-'));
  mkdirSync(path.join(dir, 'secrets'));
  writeFileSync(path.join(dir, 'secrets', 'db_password.txt'), `${FILE_MARKER}\n`);
  writeFileSync(path.join(dir, 'compose.yaml'), compose);
  return dir;
}

const env = { API_TOKEN: ENV_MARKER };

const COMMANDS: string[][] = [
  ['config'],
  ['config', '--format', 'json'],
  ['config', '--report', 'json'],
  ['validate', '--report', 'json'],
  ['convert', '--to', 'kubernetes'],
  ['convert', '--to', 'kubernetes', '--format', 'json', '--report', 'json'],
  ['convert', '--to', 'kubernetes', '--layout', 'kustomize', '-o', 'out-k8s'],
  ['convert', '--to', 'swarm'],
  ['convert', '--to', 'swarm', '-o', 'out-swarm'],
  ['convert', '--to', 'kubernetes', '--debug'],
];

describe('secret values never reach an output channel', () => {
  for (const args of COMMANDS) {
    it(`stackport ${args.join(' ')}`, async () => {
      const dir = project(COMPOSE);
      const run = await runStackport(args, dir, env);
      expect(run.code, run.stderr).toBe(0);
      expect(leaks(run.stdout)).toEqual([]);
      expect(leaks(run.stderr)).toEqual([]);
      const out = args[args.indexOf('-o') + 1];
      if (args.includes('-o') && out) expect(leaks(readTree(path.join(dir, out)))).toEqual([]);
    });
  }

  it('keeps them out of error reports too', async () => {
    const dir = project(`${COMPOSE}\n  broken: [\n`);
    for (const args of [['config'], ['convert', '--to', 'kubernetes', '--report', 'json']]) {
      const run = await runStackport(args, dir, env);
      expect(run.code).toBe(2);
      expect(leaks(run.stdout + run.stderr)).toEqual([]);
    }
    const badRef = project(COMPOSE.replace('secrets: [db_password, api_token]', 'secrets: [db_password, api_token, missing]'));
    const run = await runStackport(['convert', '--to', 'kubernetes', '--debug', '--report', 'json'], badRef, env);
    expect(run.code).toBe(2);
    expect(leaks(run.stdout + run.stderr)).toEqual([]);
  });

  it('writes them only when --secrets inline asks, and then only into manifests', async () => {
    const dir = project(COMPOSE);
    const run = await runStackport(['convert', '--to', 'kubernetes', '--secrets', 'inline'], dir, env);
    expect(run.code, run.stderr).toBe(0);
    expect(leaks(run.stdout).sort()).toEqual([...MARKERS].sort());
    expect(leaks(run.stderr)).toEqual([]);
  });
});
