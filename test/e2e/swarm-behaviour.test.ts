/**
 * Issue 16: the stack runs like `docker compose up`, checked with real containers. The scenario project
 * (test/e2e/scenarios/app) is converted with the built CLI exactly as a user would (`stackport convert --to swarm
 * -o deploy`), the commands stackport prints are run as printed (from a shell that lacks what Compose read from
 * `.env`), the stack is deployed on a private Swarm manager from a shell holding decoy values, and every check
 * looks from inside the containers at what a Compose user expects. Skips, with the reason printed, only where
 * dockerd cannot run or no static busybox is installed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';
import { freePort, startSwarmManager, swarmManagerUnavailable, type SwarmManager } from '../helpers/swarm-manager.js';
import { STACKPORT_BIN, stackportShim } from '../helpers/stackport-shim.js';
import { buildBusyboxImages, buildContext, busyboxUnavailable, ENTRYPOINT_IMAGE } from '../helpers/busybox-images.js';

const SCENARIO = path.join(REPO_ROOT, 'test', 'e2e', 'scenarios', 'app');
const STACK = 'spe2e';
/** Values exported in the deploying shell that the containers must not see. */
const DECOYS = { GREETING: 'decoy', EMPTY_ONE: 'decoy', UNSET_ONE: 'decoy' };

const unavailable = swarmManagerUnavailable() ?? busyboxUnavailable() ?? (existsSync(path.join(REPO_ROOT, 'dist')) ? undefined : 'the CLI is not built (npm run build)');
if (unavailable) console.warn(`skipping the real-container Swarm tests: ${unavailable}`);

interface Report {
  diagnostics: { code: string; severity: string; message: string; hint?: string }[];
  messages?: string[];
}

/** Polls `probe` until it returns a value other than undefined, or fails with what it last saw. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, seen?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen ? `; last seen: ${seen()}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function httpGet(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/', timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
  });
}

describe.skipIf(Boolean(unavailable))('a converted stack behaves like docker compose up on a real Swarm manager', () => {
  let manager: SwarmManager;
  let work: string;
  let shim: string;
  let hostPort: number;
  let report: Report;
  const started = Date.now();

  /** Runs the built CLI in the project copy, as a user would, with only PATH and HOME from this process. */
  function stackport(args: string[]): { status: number; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [STACKPORT_BIN, ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', HOSTNET_PORT: String(hostPort) },
    });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  function convert(): Report {
    const run = stackport(['--report', 'json', 'convert', '--to', 'swarm', '-o', 'deploy']);
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stderr) as Report;
  }

  /** `docker stack deploy` as the conversion's warnings say, from a shell that exports the decoys. */
  function deploy(): void {
    const unset = report.diagnostics
      .filter((d) => d.code === 'SWARM_ENV_EMPTY')
      .map((d) => /env((?: -u \S+)+) docker stack deploy/.exec(d.hint ?? '')?.[1] ?? '')
      .join('');
    const r = manager.shell(`env${unset} docker stack deploy --resolve-image never -c deploy/stack.yaml ${STACK}`, DECOYS, work);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  }

  function containers(service: string, all = false): string[] {
    const r = manager.docker(['ps', ...(all ? ['-a'] : []), '-q', '--filter', `label=com.docker.swarm.service.name=${STACK}_${service}`]);
    return r.stdout.split('\n').filter(Boolean);
  }

  function exec(container: string, script: string): { status: number; stdout: string; stderr: string } {
    return manager.docker(['exec', container, 'sh', '-c', script]);
  }

  /** A running container of the service, once there is one. */
  function running(service: string): Promise<string> {
    return waitFor(`a running ${service} container`, () => containers(service)[0]);
  }

  function tasks(service: string): { state: string; error: string }[] {
    const r = manager.docker(['service', 'ps', '--no-trunc', `${STACK}_${service}`, '--format', '{{.CurrentState}}|{{.Error}}']);
    return r.stdout.split('\n').filter(Boolean).map((l) => ({ state: l.split('|')[0]!, error: l.split('|')[1]! }));
  }

  function logs(service: string): string {
    return manager.docker(['service', 'logs', '--raw', `${STACK}_${service}`]).stdout;
  }

  beforeAll(async () => {
    manager = await startSwarmManager();
    buildBusyboxImages(manager);
    work = mkdtempSync(path.join(tmpdir(), 'sp-behaviour-'));
    cpSync(SCENARIO, work, { recursive: true });
    // `stackport` on PATH, as for a user who installed it, for the printed `stackport secret` commands.
    shim = stackportShim();
    hostPort = await freePort();
  }, 120_000);

  afterAll(() => {
    if (manager) {
      manager.docker(['stack', 'rm', STACK]);
      manager.stop();
    }
    if (work) rmSync(work, { recursive: true, force: true });
    if (shim) rmSync(shim, { recursive: true, force: true });
    console.log(`swarm behaviour suite: ${((Date.now() - started) / 1000).toFixed(1)} s wall time`);
  }, 60_000);

  it('converts with the CLI, runs the printed commands as printed, and deploys', () => {
    report = convert();
    const build = report.diagnostics.find((d) => d.code === 'SWARM_BUILD_ONLY');
    expect(build?.message).toContain('using spe2e-built');
    // The build-only service runs the image docker compose would have built under that name.
    buildContext(manager, 'spe2e-built', path.join(work, 'built'));
    const commands = (report.messages ?? []).filter((m) => m.startsWith('run: ')).map((m) => m.slice('run: '.length));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^stackport secret api_token \| docker secret create spe2e_api_token_[0-9a-f]{10} -$/);
    for (const command of commands) {
      // API_TOKEN is only in .env: the shell that runs the command must not need it exported.
      const r = manager.shell(command, { PATH: `${shim}:${process.env.PATH ?? ''}` }, work, ['API_TOKEN']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('token-from-dotenv');
    }
    deploy();
    // Every long-running service up before the checks start (a loaded machine takes a while to start a dozen).
    return waitFor('the long-running services to run', () => {
      const want: Record<string, number> = { web: 2, client: 1, outsider: 1, built: 1, hostnet: 1 };
      return Object.entries(want).every(([service, n]) => containers(service).length === n) ? true : undefined;
    }, 150_000, () => manager.docker(['stack', 'ps', STACK, '--format', '{{.Name}} {{.CurrentState}} {{.Error}}']).stdout);
  }, 180_000);

  it('gives the containers the environment Compose gives: .env, env_file, $$, empty and unset entries', async () => {
    const env = await waitFor('the web environment', () => {
      const c = containers('web')[0];
      const r = c === undefined ? undefined : exec(c, 'env');
      return r?.status === 0 ? r.stdout : undefined;
    });
    const vars = new Map(env.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(vars.get('GREETING')).toBe('hello from .env');
    expect(vars.get('FROM_FILE')).toBe('from env_file');
    expect(vars.get('PRICE')).toBe('$5 a unit');
    expect(vars.get('EMPTY_ONE')).toBe('');
    expect(vars.has('UNSET_ONE')).toBe(false);
  }, 60_000);

  it('mounts secrets and configs with their content, targets and modes', async () => {
    const web = await running('web');
    const r = exec(web, 'cat /run/secrets/db_password; stat -c %a /run/secrets/db_password; cat /run/secrets/api_token; echo; stat -c %a /run/secrets/api_token; cat /etc/app/app.conf; stat -c %a /etc/app/app.conf');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual(['db-password-value', '400', 'token-from-dotenv', '444', 'setting = one', '440', '']);
  }, 60_000);

  it('runs the replicas, and they become healthy', async () => {
    const web = await waitFor('two healthy web tasks', () => {
      const ids = containers('web');
      if (ids.length !== 2) return undefined;
      const health = ids.map((id) => manager.docker(['inspect', '--format', '{{.State.Health.Status}}', id]).stdout.trim());
      return health.every((h) => h === 'healthy') ? ids : undefined;
    }, 60_000);
    expect(web).toHaveLength(2);
    const client = await running('client');
    // Each replica is a DNS answer for the service name (dnsrr endpoints, see the scenario).
    let last = '';
    const lookup = await waitFor('two addresses for web', () => {
      const r = exec(client, 'nslookup -type=a web.');
      last = `${r.status} ${r.stdout} ${r.stderr}`;
      return (r.stdout.match(/^Address: \S+$/gm) ?? []).length === 2 ? r.stdout : undefined;
    }, 30_000, () => last);
    expect(lookup).toContain('Name:');
  }, 90_000);

  it('carries traffic between services by name and alias, and keeps other networks out', async () => {
    const client = await running('client');
    const request = (host: string) => `printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n' | nc -w 3 ${host} 80`;
    let last = '';
    const byName = await waitFor('web answering by name', () => {
      const r = exec(client, request('web'));
      last = `${r.status} ${r.stdout} ${r.stderr}`;
      return r.stdout.includes('web-ok') ? r.stdout : undefined;
    }, 30_000, () => last);
    expect(byName).toContain('200 OK');
    expect(exec(client, request('www')).stdout).toContain('web-ok');
    const ip = /^Address: (\S+)$/m.exec(exec(client, 'nslookup -type=a web.').stdout)?.[1];
    expect(ip).toBeDefined();
    const outsider = await running('outsider');
    expect(exec(outsider, 'nslookup -type=a web.').status).not.toBe(0);
    const direct = exec(outsider, request(ip!));
    expect(direct.stdout).not.toContain('web-ok');
  }, 60_000);

  it('mounts tmpfs where service-level tmpfs: asks, and relative bind mounts from the project', async () => {
    const web = await running('web');
    expect(exec(web, 'grep " /scratch " /proc/mounts').stdout).toMatch(/^tmpfs \/scratch tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k/);
    const client = await running('client');
    expect(exec(client, 'cat /static/page.txt').stdout).toBe('static-file-ok\n');
  }, 60_000);

  it('runs a one-shot service once, and restarts a service that crashes', async () => {
    await waitFor('migrate to complete', () => (tasks('migrate').some((t) => t.state.startsWith('Complete')) ? true : undefined), 30_000, () => JSON.stringify(tasks('migrate')));
    // Swarm waits 5 s (its default delay) before a restart: a one-shot that Swarm restarted would have run again
    // by then, as the crasher does. (Tasks the manager rejected before they ran, if any, say so in their error.)
    await new Promise((r) => setTimeout(r, 6500));
    const migrate = tasks('migrate');
    expect(migrate.filter((t) => t.error === ''), JSON.stringify(migrate)).toHaveLength(1);
    const web = await running('web');
    expect(exec(web, 'cat /data/migrations').stdout).toBe('ran\n');
    const crashes = await waitFor('the crasher to be restarted', () => {
      const lines = exec(web, 'cat /data/crashes').stdout.split('\n').filter(Boolean);
      return lines.length >= 2 ? lines : undefined;
    }, 30_000, () => JSON.stringify(tasks('crasher')));
    expect(crashes.every((l) => l === 'crashed')).toBe(true);
  }, 60_000);

  it('combines entrypoint and command as Compose does', async () => {
    // spentry:1 runs `echo from-entrypoint` with its CMD `from-cmd` as arguments.
    expect(ENTRYPOINT_IMAGE).toMatchObject({ entrypoint: ['echo', 'from-entrypoint'], cmd: ['from-cmd'] });
    const expected: Record<string, string> = {
      'ep-cleared': 'command-alone',
      'ep-override': 'entrypoint-override',
      'cmd-override': 'from-entrypoint command-override',
      'cmd-empty': 'from-entrypoint from-cmd',
    };
    for (const [service, output] of Object.entries(expected)) {
      const seen = await waitFor(`${service}'s output`, () => logs(service).trim() || undefined, 30_000, () => JSON.stringify(tasks(service)));
      expect(seen, service).toBe(output);
    }
  }, 60_000);

  it('runs a build-only service from the image docker compose builds, and network_mode: host on the host network', async () => {
    const built = await running('built');
    expect(exec(built, 'cat /built.txt').stdout).toBe('built-image\n');
    const body = await waitFor('the host-network service on 127.0.0.1', () => httpGet(hostPort));
    expect(body).toBe('host-network-ok\n');
  }, 60_000);

  it('redeploys after a config edit, and named volumes keep their data', async () => {
    const before = await running('web');
    expect(exec(before, 'echo persisted > /data/marker').status).toBe(0);
    writeFileSync(path.join(work, 'app.conf'), 'setting = two\n');
    report = convert();
    deploy();
    const content = await waitFor('the edited config in new web tasks', () => {
      const ids = containers('web');
      if (ids.length !== 2 || ids.includes(before)) return undefined;
      const seen = ids.map((id) => exec(id, 'cat /etc/app/app.conf').stdout);
      return seen.every((s) => s === 'setting = two\n') ? seen : undefined;
    }, 60_000);
    expect(content).toHaveLength(2);
    expect(exec((await running('web')), 'cat /data/marker').stdout).toBe('persisted\n');
  }, 90_000);
});
