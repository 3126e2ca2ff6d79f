import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runStackport } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const example = path.join(REPO_ROOT, 'fixtures/example');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stackport-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('stackport config', () => {
  it('prints the normalized example project as YAML', async () => {
    const run = await runStackport(['config'], example);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const model = parse(run.stdout);
    expect(model.name).toBe('shop');
    expect(Object.keys(model.services)).toEqual(['api', 'cache', 'db', 'web']);
    expect(model.services.api.environment.LOG_LEVEL).toBe('debug');
    expect(model.services.cache.command).toEqual(['redis-server', '--appendonly', 'yes']);
    expect(model.services.api.healthcheck.interval).toBe('10s');
    expect(model.services.web.ports[0]).toMatchObject({ target: 80, published: '8080', protocol: 'tcp' });
  });

  it('prints JSON with --format json, the same model', async () => {
    const yamlRun = await runStackport(['config'], example);
    const jsonRun = await runStackport(['config', '--format', 'json'], example);
    expect(jsonRun.code).toBe(0);
    expect(JSON.parse(jsonRun.stdout)).toEqual(parse(yamlRun.stdout));
  });

  it('never prints a secret value', async () => {
    const run = await runStackport(['config', '--format', 'json'], example);
    expect(run.stdout).not.toContain('example-password-not-for-production');
  });

  it('is byte-identical across runs', async () => {
    const a = await runStackport(['config'], example);
    const b = await runStackport(['config'], example);
    expect(a.stdout).toBe(b.stdout);
  });

  it('exits 2 with file:line:col diagnostics on invalid input', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: "80"\n    helicopter: true\n' });
    const run = await runStackport(['config'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^compose\.yaml:\d+:\d+: error [A-Z_]+: /m);
    expect(run.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('exits 2 on a YAML syntax error with its position', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: [unclosed\n' });
    const run = await runStackport(['config'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^compose\.yaml:\d+:\d+: error YAML_/m);
  });

  it('exits 2 on an unknown flag', async () => {
    const run = await runStackport(['config', '--no-such-flag'], example);
    expect(run.code).toBe(2);
  });

  it('reports diagnostics as JSON with --report json', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    helicopter: true\n' });
    const run = await runStackport(['--report', 'json', 'config'], dir);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stderr);
    expect(report.diagnostics[0]).toMatchObject({ severity: 'error', location: { file: 'compose.yaml' } });
  });
});
