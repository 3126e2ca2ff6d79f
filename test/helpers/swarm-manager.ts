/**
 * A private single-node Swarm manager for end-to-end tests: Debian's dockerd started under a temporary directory
 * with its own socket, no iptables, no bridge, and a proxy on a closed loopback port so image pulls fail at once.
 * It stores service specs and also runs containers from images built on it (see busybox-images.ts).
 * See ../shared/notes/validating-output.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';

/** A running manager. */
export interface SwarmManager {
  /** Runs `docker -H <socket> ...args` and returns its exit status and output. */
  docker(args: string[], input?: string): { status: number; stdout: string; stderr: string };
  /**
   * Runs a shell command line with DOCKER_HOST set to this manager, in `cwd` (default: this process's), with the
   * process environment plus `env`, minus the variables named in `unset`.
   */
  shell(command: string, env: Record<string, string>, cwd?: string, unset?: readonly string[]): { status: number; stdout: string; stderr: string };
  /** The DOCKER_HOST value that reaches this manager. */
  readonly host: string;
  stop(): void;
}

function which(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** Why a manager cannot run here, or undefined when it can. */
export function swarmManagerUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'not on Linux';
  if (process.getuid?.() !== 0) return 'dockerd needs root';
  if (!which('dockerd')) return 'dockerd is not installed (.ci/run installs Debian\'s docker.io)';
  if (!which('docker')) return 'the docker CLI is not installed';
  return undefined;
}

/** Starts a manager and initializes the swarm. Throws with the daemon's log when it cannot start. */
export async function startSwarmManager(): Promise<SwarmManager> {
  const root = mkdtempSync(path.join(tmpdir(), 'sp-swarm-'));
  const socket = path.join(root, 'docker.sock');
  const pidfile = path.join(root, 'docker.pid');
  // The daemon logs to a file, not a pipe: a pipe is drained only while this process's event loop runs, and a
  // daemon blocked on a full pipe during a long synchronous docker call stalls (its DNS resolver stops answering).
  const logFile = path.join(root, 'dockerd.log');
  const logFd = openSync(logFile, 'w');
  const daemon = spawn(
    'dockerd',
    [
      '--storage-driver=vfs', `--data-root=${root}/data`, `--exec-root=${root}/exec`, `--pidfile=${pidfile}`,
      `-H`, `unix://${socket}`, '--iptables=false', '--bridge=none', '--ip-forward=false', '--ip-masq=false',
    ],
    { env: { ...process.env, HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' }, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : '');
  const docker = (args: string[], input?: string) => {
    const r = spawnSync('docker', ['-H', `unix://${socket}`, ...args], { encoding: 'utf8', input, timeout: 60_000 });
    return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  const stop = () => {
    const pid = existsSync(pidfile) ? Number(readFileSync(pidfile, 'utf8')) : daemon.pid;
    if (pid) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && daemon.exitCode === null && spawnSync('kill', ['-0', String(pid)]).status === 0) {
      spawnSync('sleep', ['0.1']);
    }
    // The daemon leaves network namespaces mounted under its exec root; unmount them before removing the tree.
    spawnSync('sh', ['-c', `for f in '${root}'/exec/netns/*; do umount -l "$f" 2>/dev/null; done`]);
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A leftover temporary directory is harmless; a failed cleanup must not fail the tests.
    }
  };
  for (let i = 0; i < 100 && docker(['info']).status !== 0; i++) await new Promise((r) => setTimeout(r, 200));
  if (docker(['info']).status !== 0) {
    const tail = log();
    stop();
    throw new Error(`dockerd did not start:\n${tail}`);
  }
  // A free port, so a swarm already on 2377 (another daemon on this machine) does not get in the way.
  const port = await freePort();
  const init = docker(['swarm', 'init', '--advertise-addr', `127.0.0.1:${port}`, '--listen-addr', `127.0.0.1:${port}`]);
  if (init.status !== 0) {
    stop();
    throw new Error(`docker swarm init failed: ${init.stderr}`);
  }
  const shell = (command: string, env: Record<string, string>, cwd?: string, unset: readonly string[] = []) => {
    const full: NodeJS.ProcessEnv = { ...process.env, ...env, DOCKER_HOST: `unix://${socket}` };
    for (const name of unset) delete full[name];
    const r = spawnSync('sh', ['-c', command], { encoding: 'utf8', env: full, cwd, timeout: 60_000 });
    return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  return { docker, shell, stop, host: `unix://${socket}` };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
