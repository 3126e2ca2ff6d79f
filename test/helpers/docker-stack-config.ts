/**
 * `docker stack config -c -`: docker/cli's own loader and v3 schema, exactly what `docker stack deploy` checks
 * first. It needs no daemon. Returns undefined, with the reason printed once, where the command is missing (Debian's
 * docker.io 20.10 CLI has no `stack config`).
 */
import { spawnSync } from 'node:child_process';

let available: boolean | undefined;

/** True when `docker stack config` can run here; prints why not otherwise. */
export function haveDockerStackConfig(): boolean {
  if (available === undefined) {
    const probe = spawnSync('docker', ['stack', 'config', '--help'], { encoding: 'utf8' });
    available = probe.status === 0 && /config/.test(probe.stdout + probe.stderr);
    if (!available) console.warn('skipping docker stack config checks: the docker CLI here has no `docker stack config`');
  }
  return available;
}

/** Runs `docker stack config -c -` in `cwd` on a stack file's text. */
export function dockerStackConfig(stackYaml: string, cwd: string): { ok: boolean; output: string } {
  const r = spawnSync('docker', ['stack', 'config', '-c', '-'], { input: stackYaml, cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' } });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}
