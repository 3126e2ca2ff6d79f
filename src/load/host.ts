/**
 * The one place stackport touches the filesystem, the process environment and standard input while loading.
 * Every loading function receives a {@link Host}; tests pass an in-memory one, the CLI and `load()` pass
 * {@link nodeHost}. Everything after loading is pure.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** What loading may ask of the outside world. Paths are absolute. */
export interface Host {
  /** The working directory relative paths on the command line are resolved against. */
  cwd(): string;
  /** The process environment (a snapshot: loading never changes it). */
  env(): Readonly<Record<string, string | undefined>>;
  /** The user's home directory, for `~` in paths. */
  homeDir(): string | undefined;
  /** Reads a file, or returns an error code such as `ENOENT`. */
  readFile(absolutePath: string): { ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string };
  /** What is at a path: a regular file, a directory, something else, or nothing. */
  stat(absolutePath: string): 'file' | 'directory' | 'other' | 'missing';
  /** The path with every symlink resolved, or undefined when it does not exist. */
  realpath(absolutePath: string): string | undefined;
  /** Reads all of standard input (for `-f -`). */
  readStdin(): Uint8Array;
  /** True for a regular file with an execute bit set (a script a bind mount must keep runnable). */
  isExecutable?(absolutePath: string): boolean;
}

/** The real host: this process's filesystem, environment and stdin. */
export function nodeHost(overrides: { cwd?: string; env?: Record<string, string | undefined> } = {}): Host {
  const env = { ...(overrides.env ?? process.env) };
  const cwd = overrides.cwd ?? process.cwd();
  return {
    cwd: () => cwd,
    env: () => env,
    homeDir: () => env.HOME ?? env.USERPROFILE,
    readFile(absolutePath) {
      try {
        return { ok: true, bytes: readFileSync(absolutePath) };
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return { ok: false, code: err.code ?? 'EIO', message: err.message };
      }
    },
    isExecutable(absolutePath) {
      try {
        const s = statSync(absolutePath);
        return s.isFile() && (s.mode & 0o111) !== 0;
      } catch {
        return false;
      }
    },
    stat(absolutePath) {
      try {
        const s = statSync(absolutePath);
        return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
      } catch {
        return 'missing';
      }
    },
    realpath(absolutePath) {
      try {
        return realpathSync(absolutePath);
      } catch {
        return undefined;
      }
    },
    readStdin() {
      try {
        return readFileSync(0);
      } catch {
        return new Uint8Array();
      }
    },
  };
}

/** An in-memory host for tests and for build scripts that hold files in memory. Paths are POSIX absolute. */
export function memoryHost(
  files: Record<string, string | Uint8Array>,
  options: { cwd?: string; env?: Record<string, string>; stdin?: string; home?: string; executables?: string[] } = {},
): Host {
  const encoder = new TextEncoder();
  const normalized = new Map<string, Uint8Array>();
  for (const [p, content] of Object.entries(files)) {
    normalized.set(path.posix.resolve(p), typeof content === 'string' ? encoder.encode(content) : content);
  }
  const isDir = (p: string) => {
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const k of normalized.keys()) if (k.startsWith(prefix)) return true;
    return false;
  };
  const env = { ...(options.env ?? {}) };
  return {
    cwd: () => options.cwd ?? '/project',
    env: () => env,
    homeDir: () => options.home,
    readFile(p) {
      const bytes = normalized.get(path.posix.resolve(p));
      return bytes
        ? { ok: true, bytes }
        : { ok: false, code: 'ENOENT', message: `ENOENT: no such file or directory, open '${p}'` };
    },
    stat(p) {
      const abs = path.posix.resolve(p);
      return normalized.has(abs) ? 'file' : isDir(abs) ? 'directory' : 'missing';
    },
    realpath(p) {
      const abs = path.posix.resolve(p);
      return normalized.has(abs) || isDir(abs) ? abs : undefined;
    },
    readStdin: () => encoder.encode(options.stdin ?? ''),
    isExecutable: (p) => (options.executables ?? []).some((e) => path.posix.resolve(e) === path.posix.resolve(p)),
  };
}
