/**
 * End to end on a real Swarm manager (issue 4): every fixture project is converted to a stack file, deployed with
 * `docker stack deploy`, and the services the manager stores are compared with what the stack file asked for.
 * Skips, with the reason printed, where dockerd cannot run (not root, not installed).
 */
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../src/load/loader.js';
import { convert } from '../../src/convert.js';
import { render } from '../../src/render/render.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { startSwarmManager, swarmManagerUnavailable, type SwarmManager } from '../helpers/swarm-manager.js';

const unavailable = swarmManagerUnavailable();
if (unavailable) console.warn(`skipping the Swarm manager end-to-end test: ${unavailable}`);

/** Fixture projects that hold a compose file. */
function fixtureProjects(): string[] {
  const root = path.join(REPO_ROOT, 'fixtures');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== 'expected') walk(path.join(dir, e.name));
      else if (e.name === 'compose.yaml') found.push(dir);
    }
  };
  walk(root);
  return found.sort();
}

interface StackService {
  image?: string;
  environment?: Record<string, string | null>;
  deploy?: { replicas?: number; mode?: string };
}

describe.skipIf(Boolean(unavailable))('docker stack deploy on a real manager', () => {
  let manager: SwarmManager;
  beforeAll(async () => {
    manager = await startSwarmManager();
  }, 60_000);
  afterAll(() => manager?.stop());

  for (const dir of fixtureProjects()) {
    const name = path.relative(path.join(REPO_ROOT, 'fixtures'), dir);
    it(`deploys ${name} and the manager stores what the stack file says`, () => {
      const loaded = load({ cwd: dir, env: {}, files: ['compose.yaml'], allowOutsideProject: false });
      expect(loaded.project, loaded.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
      const out = mkdtempSync(path.join(tmpdir(), 'sp-stack-'));
      const conversion = convert(loaded.project!, { target: 'swarm', toDirectory: true, projectDirFromStack: path.relative(out, dir) });
      for (const [file, content] of render(conversion, { layout: 'files', format: 'yaml' })) {
        mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
        writeFileSync(path.join(out, file), content);
      }
      const stackName = `t${name.replace(/[^a-z0-9]/g, '').slice(0, 20)}`;
      const stackFile = path.join(out, 'stack.yaml');
      try {
        const deploy = manager.docker(['stack', 'deploy', '--resolve-image', 'never', '-c', stackFile, stackName]);
        expect(deploy.status, `${deploy.stdout}\n${deploy.stderr}`).toBe(0);
        const services = (conversion.stack as { services: Record<string, StackService> }).services;
        const listed = manager.docker(['stack', 'services', stackName, '--format', '{{.Name}}']);
        expect(listed.stdout.trim().split('\n').sort()).toEqual(Object.keys(services).map((s) => `${stackName}_${s}`).sort());
        for (const [service, spec] of Object.entries(services)) {
          const inspected = manager.docker(['service', 'inspect', `${stackName}_${service}`, '--format', '{{json .Spec}}']);
          expect(inspected.status, inspected.stderr).toBe(0);
          const stored = JSON.parse(inspected.stdout) as {
            Mode: { Replicated?: { Replicas: number }; Global?: object };
            TaskTemplate: { ContainerSpec: { Image: string; Env?: string[] } };
          };
          if (spec.image) expect(stored.TaskTemplate.ContainerSpec.Image).toBe(spec.image);
          if (spec.deploy?.mode === 'global') expect(stored.Mode.Global).toBeDefined();
          else expect(stored.Mode.Replicated?.Replicas).toBe(spec.deploy?.replicas ?? 1);
          for (const [key, value] of Object.entries(spec.environment ?? {})) {
            if (value !== null) expect(stored.TaskTemplate.ContainerSpec.Env ?? []).toContain(`${key}=${value}`);
          }
        }
      } finally {
        manager.docker(['stack', 'rm', stackName]);
      }
    }, 60_000);
  }
});
