/**
 * End to end on a real Swarm manager (issue 4): every fixture project is converted to a stack file, deployed with
 * `docker stack deploy`, and the services the manager stores are compared with what the stack file asked for.
 * Skips, with the reason printed, where dockerd cannot run (not root, not installed).
 */
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../src/load/loader.js';
import { convert } from '../../src/convert.js';
import { render } from '../../src/render/render.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { stackportShim } from '../helpers/stackport-shim.js';
import { startSwarmManager, swarmManagerUnavailable, type SwarmManager } from '../helpers/swarm-manager.js';
import { isLoopbackAddress } from '../../src/ir/values/ports.js';

const unavailable = swarmManagerUnavailable() ?? (existsSync(path.join(REPO_ROOT, 'dist')) ? undefined : 'the CLI is not built (npm run build)');
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
  let shim: string;
  beforeAll(async () => {
    manager = await startSwarmManager();
    shim = stackportShim();
  }, 60_000);
  afterAll(() => {
    manager?.stop();
    if (shim) rmSync(shim, { recursive: true, force: true });
  });

  for (const dir of fixtureProjects()) {
    const name = path.relative(path.join(REPO_ROOT, 'fixtures'), dir);
    it(`deploys ${name} and the manager stores what the stack file says`, () => {
      const optionsFile = path.join(dir, 'options.json');
      const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as { env?: Record<string, string> };
      const env = options.env ?? {};
      const loaded = load({ cwd: dir, env, files: ['compose.yaml'], allowOutsideProject: false });
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
        // Secrets that come from variables are created first, by the commands stackport prints, run in the
        // project directory with the built CLI on PATH.
        for (const command of conversion.commands) {
          const created = manager.shell(command, { ...env, PATH: `${shim}:${process.env.PATH ?? ''}` }, dir);
          expect(created.status, created.stderr).toBe(0);
        }
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
            TaskTemplate: {
              ContainerSpec: { Image: string; Env?: string[]; Secrets?: unknown[]; Configs?: unknown[] };
              RestartPolicy?: { Condition?: string; MaxAttempts?: number };
              Resources?: { Limits?: { NanoCPUs?: number; MemoryBytes?: number } };
              Networks?: unknown[];
            };
            EndpointSpec?: { Ports?: { TargetPort: number; PublishedPort?: number; PublishMode?: string }[] };
          };
          const ir = loaded.project!.services[service]!;
          const published = (stored.EndpointSpec?.Ports ?? []).map((p) => `${p.PublishedPort ?? ''}:${p.TargetPort}/${p.PublishMode}`).sort();
          // The manager stores a published range as one entry per published port.
          // A port Compose bound to the loopback stays unpublished on Swarm (SWARM_LOOPBACK_PORT).
          const wanted = ir.ports
            .filter((p) => p.published !== undefined && !(p.host_ip !== undefined && isLoopbackAddress(p.host_ip)))
            .flatMap((p) => {
              const [from, to = from] = p.published!.split('-').map(Number);
              return Array.from({ length: to! - from! + 1 }, (_, k) => `${from! + k}:${p.target}/${p.mode}`);
            })
            .sort();
          expect(published).toEqual(wanted);
          expect(stored.TaskTemplate.ContainerSpec.Secrets ?? []).toHaveLength(ir.secrets.length);
          expect(stored.TaskTemplate.ContainerSpec.Configs ?? []).toHaveLength(ir.configs.length);
          const cpus = ir.deploy?.resources?.limits?.cpus ?? ir.cpus;
          if (cpus !== undefined) expect(stored.TaskTemplate.Resources?.Limits?.NanoCPUs).toBe(Math.round(cpus * 1e9));
          const memory = ir.deploy?.resources?.limits?.memory ?? ir.mem_limit;
          if (memory !== undefined) expect(stored.TaskTemplate.Resources?.Limits?.MemoryBytes).toBe(memory);
          const restart = (spec as { deploy?: { restart_policy?: { condition?: string; max_attempts?: number } } }).deploy?.restart_policy;
          if (restart?.condition) expect(stored.TaskTemplate.RestartPolicy?.Condition).toBe(restart.condition);
          if (restart?.max_attempts !== undefined) expect(stored.TaskTemplate.RestartPolicy?.MaxAttempts).toBe(restart.max_attempts);
          // A service whose network_mode Swarm dropped joins the default network.
          expect((stored.TaskTemplate.Networks ?? []).length).toBe(Object.keys(ir.networks).length || 1);
          if (spec.image) expect(stored.TaskTemplate.ContainerSpec.Image).toBe(spec.image);
          if (spec.deploy?.mode === 'global') expect(stored.Mode.Global).toBeDefined();
          else expect(stored.Mode.Replicated?.Replicas).toBe(spec.deploy?.replicas ?? 1);
          // The container gets the values Compose would give it (the stack file escapes `$` as `$$`).
          for (const [key, value] of Object.entries(loaded.project!.services[service]!.environment)) {
            if (value !== null) expect(stored.TaskTemplate.ContainerSpec.Env ?? []).toContain(`${key}=${value}`);
          }
        }
      } finally {
        manager.docker(['stack', 'rm', stackName]);
        for (const command of conversion.commands) {
          const name = /docker secret create (\S+)/.exec(command)?.[1];
          if (name) manager.docker(['secret', 'rm', name]);
        }
      }
    }, 60_000);
  }
});
