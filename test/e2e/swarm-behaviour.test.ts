/**
 * Real containers on a real Swarm manager (issue 16): a scenario project is converted with the CLI exactly as a
 * user would, deployed with `docker stack deploy`, and what the containers see is read back from their logs:
 * environment from `.env` and `$$`, empty and valueless entries (with a decoy exported in the deploying shell),
 * secret and config contents and modes, a service-level tmpfs, an empty entrypoint, a one-shot service that runs
 * once, and a config edited and redeployed.
 * The image is busybox-static imported as a one-layer image, so nothing is pulled. Skips, with the reason
 * printed, where dockerd or busybox cannot run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStackport } from '../helpers/run-cli.js';
import { startSwarmManager, swarmManagerUnavailable, type SwarmManager } from '../helpers/swarm-manager.js';

const BUSYBOX = '/bin/busybox';
const IMAGE = 'stackport-e2e-busybox:1';
const unavailable = swarmManagerUnavailable() ?? (existsSync(BUSYBOX) ? undefined : `${BUSYBOX} is missing (.ci/run installs Debian's busybox-static)`);
if (unavailable) console.warn(`skipping the Swarm real-container test: ${unavailable}`);

const COMPOSE = `
name: e2e
services:
  probe:
    image: ${IMAGE}
    entrypoint: []
    command:
      - /bin/sh
      - -c
      - |
        echo "FROM_DOTENV=[$$FROM_DOTENV]"
        echo 'LITERAL=[$$x]'
        echo "EMPTY=[$\${EMPTY-unset}]"
        echo "VALUELESS=[$\${VALUELESS-unset}]"
        echo "SECRET=[$$(cat /run/secrets/token)]"
        echo "CONFIG=[$$(cat /etc/app.conf)] MODE=[$$(stat -c %a /etc/app.conf)]"
        echo "SCRATCH=[$$(stat -f -c %T /scratch)]"
        echo DONE
        sleep 3600
    environment:
      - FROM_DOTENV=\${DOTENV_VAR}
      - EMPTY=
      - VALUELESS
    tmpfs: [/scratch]
    secrets: [token]
    configs:
      - {source: app_conf, target: /etc/app.conf, mode: 0440}
  once:
    image: ${IMAGE}
    command: ["/bin/sh", "-c", "echo ran-once"]
secrets:
  token: {file: ./token.txt}
configs:
  app_conf: {content: hello-config}
`;

/** The deployed probe's log lines, once they include `line`. */
function probeLogs(manager: SwarmManager, line: string): Promise<string> {
  return poll(() => manager.docker(['service', 'logs', '--raw', 'e2e_probe']).stdout, (out) => out.includes(line), 150_000);
}

describe.skipIf(Boolean(unavailable))('a converted stack runs like docker compose up', () => {
  let manager: SwarmManager;
  let work: string;
  beforeAll(async () => {
    manager = await startSwarmManager();
    work = mkdtempSync(path.join(tmpdir(), 'sp-e2e-'));
    importBusyboxImage(manager, work);
  }, 120_000);
  afterAll(() => {
    manager?.docker(['stack', 'rm', 'e2e']);
    manager?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('gives the containers Compose’s environment, files and run-once semantics', async () => {
    const project = path.join(work, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'compose.yaml'), COMPOSE);
    writeFileSync(path.join(project, '.env'), 'DOTENV_VAR=from-dotenv\n');
    writeFileSync(path.join(project, 'token.txt'), 's3cret');
    const converted = await runStackport(['convert', '--to', 'swarm', '-o', 'deploy'], project);
    expect(converted.code, converted.stderr).toBe(0);
    // The decoy: a value the Compose project never had, exported where the stack is deployed.
    const deploy = manager.shell(`cd '${path.join(project, 'deploy')}' && docker stack deploy --resolve-image never -c stack.yaml e2e`, { VALUELESS: 'decoy', DOTENV_VAR: 'decoy' });
    expect(deploy.status, deploy.stderr).toBe(0);

    const logs = await probeLogs(manager, 'DONE');
    expect(logs).toContain('FROM_DOTENV=[from-dotenv]');
    expect(logs).toContain('LITERAL=[$x]');
    expect(logs).toContain('EMPTY=[]');
    expect(logs).toContain('VALUELESS=[unset]');
    expect(logs).toContain('SECRET=[s3cret]');
    expect(logs).toContain('CONFIG=[hello-config] MODE=[440]');
    expect(logs).toContain('SCRATCH=[tmpfs]');

    // Swarm's default restart condition (any) would run it again and again; under Compose it runs once. A task the
    // node failed to start prints nothing, so the count of its line is what ran.
    await poll(() => manager.docker(['service', 'logs', '--raw', 'e2e_once']).stdout, (out) => out.includes('ran-once'), 150_000);
    await new Promise((r) => setTimeout(r, 10_000));
    const runs = manager.docker(['service', 'logs', '--raw', 'e2e_once']).stdout.split('\n').filter((l) => l.includes('ran-once'));
    expect(runs).toHaveLength(1);

    // Editing a config and redeploying: Swarm cannot update a config in place, so a content-named one rolls the
    // service onto the new content instead of failing with "only updates to Labels are allowed".
    writeFileSync(path.join(project, 'compose.yaml'), COMPOSE.replace('hello-config', 'edited-config'));
    const reconverted = await runStackport(['convert', '--to', 'swarm', '-o', 'deploy'], project);
    expect(reconverted.code, reconverted.stderr).toBe(0);
    const redeploy = manager.shell(`cd '${path.join(project, 'deploy')}' && docker stack deploy --resolve-image never -c stack.yaml e2e`, {});
    expect(redeploy.status, redeploy.stderr).toBe(0);
    expect(await probeLogs(manager, 'CONFIG=[edited-config]')).toContain('CONFIG=[edited-config] MODE=[440]');
  }, 480_000);
});

/** Imports a one-layer image holding busybox-static and its applet links, so no registry is needed. */
function importBusyboxImage(manager: SwarmManager, work: string): void {
  const root = path.join(work, 'rootfs');
  mkdirSync(path.join(root, 'bin'), { recursive: true });
  mkdirSync(path.join(root, 'tmp'));
  mkdirSync(path.join(root, 'etc'));
  copyFileSync(BUSYBOX, path.join(root, 'bin/busybox'));
  for (const applet of ['sh', 'echo', 'cat', 'stat', 'sleep', 'env', 'ls']) symlinkSync('busybox', path.join(root, 'bin', applet));
  const tar = spawnSync('tar', ['-C', root, '-cf', path.join(work, 'rootfs.tar'), '.']);
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  const imported = manager.docker(['import', '--change', 'CMD ["/bin/sh"]', path.join(work, 'rootfs.tar'), IMAGE]);
  if (imported.status !== 0) throw new Error(`docker import failed: ${imported.stderr}`);
}

/** Calls `read` until `done` holds or `timeoutMs` passes; returns the last reading. */
async function poll(read: () => string, done: (value: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    value = read();
  }
  return value;
}
