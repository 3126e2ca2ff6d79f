/**
 * The command-line habits of Kompose users, each turned into a stackport library option: --version and the version
 * command, shell completion, --replicas, --pvc-request-size, --volumes (Kompose's spellings), --controller daemonSet /
 * replicationController, -o FILE writing one file, and --indent. Bad values exit 2 with a message naming the flag.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { VERSION } from '../../src/version.js';
import { runStackport } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

let dir: string;

const COMPOSE = `services:
  web:
    image: nginx
    ports: ["80:80"]
    volumes: [data:/data, ./site/index.html:/usr/share/nginx/html/index.html]
    deploy: { replicas: 2 }
  agent:
    image: agent
volumes:
  data: {}
`;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stackport-kompose-'));
  writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE);
  const site = path.join(dir, 'site');
  mkdirSync(site);
  writeFileSync(path.join(site, 'index.html'), '<h1>hi</h1>\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function objects(args: string[]): Promise<Record<string, any>[]> {
  const r = await runStackport(['convert', '--to', 'kubernetes', '-q', ...args], dir);
  expect(r.code, r.stderr).toBe(0);
  return parseAllDocuments(r.stdout).map((d) => d.toJS());
}

function named(list: Record<string, any>[], kind: string, name: string): Record<string, any> {
  return list.find((o) => o.kind === kind && o.metadata.name === name)!;
}

describe('Kompose habits on the command line', () => {
  it('--version and version print the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    for (const args of [['--version'], ['-V'], ['version']]) {
      const r = await runStackport(args, dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
    }
  });

  it('completion bash lists the commands, each command\'s flags and the fixed values; zsh and fish too', async () => {
    const bash = await runStackport(['completion', 'bash'], dir);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain('complete -o default -F _stackport stackport');
    expect(bash.stdout).toMatch(/config\|convert\|validate\|version\|completion\|secret\)/);
    expect(bash.stdout).toContain('--to) COMPREPLY=($(compgen -W "kubernetes swarm" -- "$cur"))');
    expect(bash.stdout).toMatch(/convert\) COMPREPLY=\(\$\(compgen -W "[^"]*--replicas[^"]*--pvc-request-size[^"]*--volumes[^"]*--indent/);
    const zsh = await runStackport(['completion', 'zsh'], dir);
    expect(zsh.stdout).toContain('bashcompinit');
    const fish = await runStackport(['completion', 'fish'], dir);
    expect(fish.stdout).toContain("complete -c stackport -n '__fish_seen_subcommand_from convert' -l to -x -a 'kubernetes swarm'");
    const bad = await runStackport(['completion', 'powershell'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no completion for "powershell"');
  });

  it('--replicas sets every Deployment over deploy.replicas', async () => {
    const out = await objects(['--replicas', '4']);
    expect(named(out, 'Deployment', 'web').spec.replicas).toBe(4);
    expect(named(out, 'Deployment', 'agent').spec.replicas).toBe(4);
    const bad = await runStackport(['convert', '--to', 'kubernetes', '--replicas', 'many'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--replicas <N>' argument 'many' is invalid");
  });

  it('--pvc-request-size sizes claims nothing else sizes; a bad size is a usage error', async () => {
    const out = await objects(['--pvc-request-size', '250Mi']);
    expect(named(out, 'PersistentVolumeClaim', 'data').spec.resources.requests.storage).toBe('250Mi');
    const bad = await runStackport(['convert', '--to', 'kubernetes', '--pvc-request-size', 'lots'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pvc-request-size "lots" is not a Kubernetes quantity');
  });

  it('--volumes takes Kompose\'s spellings (in any case)', async () => {
    const empty = await objects(['--volumes', 'emptyDir']);
    expect(named(empty, 'Deployment', 'web').spec.template.spec.volumes.map((v: Record<string, unknown>) => Object.keys(v).sort().join('+'))).toEqual(['emptyDir+name', 'emptyDir+name']);
    expect(empty.some((o) => o.kind === 'PersistentVolumeClaim')).toBe(false);
    const configMap = await objects(['--volumes', 'configmap']);
    expect(configMap.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('web-index'))!.data).toEqual({ 'index.html': '<h1>hi</h1>\n' });
    expect(named(configMap, 'PersistentVolumeClaim', 'data')).toBeDefined();
    const hostPath = await objects(['--volumes', 'hostPath']);
    expect(named(hostPath, 'Deployment', 'web').spec.template.spec.volumes.find((v: { name: string }) => v.name === 'data').hostPath.path).toMatch(/\/volumes\/data$/);
    const pvc = await objects(['--volumes', 'persistentVolumeClaim']);
    expect(pvc).toEqual(await objects([]));
    const bad = await runStackport(['convert', '--to', 'kubernetes', '--volumes', 'nfs'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the volume kind is one of persistentVolumeClaim, emptyDir, hostPath, configMap');
  });

  it('--controller takes daemonSet and replicationController (a Deployment, with a note)', async () => {
    const ds = await objects(['--controller', 'daemonSet']);
    expect(named(ds, 'DaemonSet', 'web')).toBeDefined();
    const rc = await runStackport(['convert', '--to', 'kubernetes', '--controller', 'replicationController'], dir);
    expect(rc.code).toBe(0);
    expect(rc.stderr).toContain('REPLICATION_CONTROLLER');
    expect(parseAllDocuments(rc.stdout).map((d) => d.toJS().kind)).toContain('Deployment');
    const bad = await runStackport(['convert', '--to', 'kubernetes', '--controller', 'replicaSet'], dir);
    expect(bad.code).toBe(2);
  });

  it('-o file.yaml writes one file (no folder, no manifest), and --check compares it', async () => {
    const r = await runStackport(['convert', '--to', 'kubernetes', '-q', '-o', 'out/all.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['all.yaml']);
    const text = readFileSync(path.join(dir, 'out/all.yaml'), 'utf8');
    expect(text).toBe((await runStackport(['convert', '--to', 'kubernetes', '-q'], dir)).stdout);
    expect((await runStackport(['convert', '--to', 'kubernetes', '-q', '-o', 'out/all.yaml', '--check'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'out/all.yaml'), text.replace('nginx', 'nginx:edited'));
    const drift = await runStackport(['convert', '--to', 'kubernetes', '-q', '-o', 'out/all.yaml', '--check'], dir);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('--- a/out/all.yaml');
    const json = await runStackport(['convert', '--to', 'kubernetes', '-q', '-o', 'all.json'], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'all.json'), 'utf8')).kind).toBe('List');
  });

  it('--indent changes the indentation, not the content', async () => {
    const two = await runStackport(['convert', '--to', 'kubernetes', '-q'], dir);
    const four = await runStackport(['convert', '--to', 'kubernetes', '-q', '--indent', '4'], dir);
    expect(four.stdout).toContain('\n    labels:\n        app.kubernetes.io/managed-by: stackport\n');
    expect(four.stdout).toContain('\n        -   ');
    expect(parseAllDocuments(four.stdout).map((d) => d.toJS())).toEqual(parseAllDocuments(two.stdout).map((d) => d.toJS()));
    const swarm = await runStackport(['convert', '--to', 'swarm', '-q', '--indent', '3'], dir);
    expect(parse(swarm.stdout)).toEqual(parse((await runStackport(['convert', '--to', 'swarm', '-q'], dir)).stdout));
    expect((await runStackport(['convert', '--to', 'kubernetes', '--indent', '1'], dir)).code).toBe(2);
  });
});
