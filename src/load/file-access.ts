/**
 * The policy for files stackport reads on the user's behalf (env files, secret and config files, includes,
 * extends): after symlinks are resolved they must lie inside the project directory, unless the user allowed
 * otherwise. A compose file in a pre-commit hook is edited by anyone on a team; `env_file: ../../../etc/shadow`
 * must not become a way to read a machine's files into a manifest.
 */
import path from 'node:path';
import type { Host } from './host.js';

/** Why a read was refused. */
export type ReadRefusal = 'missing' | 'outside-project' | 'not-a-file' | 'unreadable';

/** The outcome of a policed read. */
export type PolicedRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: ReadRefusal; message: string };

/** Reads files for the loader under the project-directory policy. */
export interface FileAccess {
  /** Reads `absolutePath` if the policy allows it. */
  read(absolutePath: string): PolicedRead;
  /** True when `absolutePath` exists as a regular file (no policy check: existence is not content). */
  exists(absolutePath: string): boolean;
  /** True when `absolutePath` is a regular file with an execute bit set. */
  executable(absolutePath: string): boolean;
}

/** Creates the policy for one project directory. */
export function createFileAccess(host: Host, projectDir: string, allowOutsideProject: boolean): FileAccess {
  const root = host.realpath(projectDir) ?? path.resolve(projectDir);
  return {
    exists: (p) => host.stat(p) === 'file',
    executable: (p) => host.isExecutable?.(p) ?? false,
    read(absolutePath) {
      const kind = host.stat(absolutePath);
      if (kind === 'missing') return { ok: false, reason: 'missing', message: 'the file does not exist' };
      if (kind !== 'file') return { ok: false, reason: 'not-a-file', message: 'it is not a regular file' };
      const real = host.realpath(absolutePath) ?? absolutePath;
      if (!allowOutsideProject && !isInside(root, real)) {
        // Callers name the path as the user wrote it; the message adds where a symlink really points.
        const through = real === absolutePath ? '' : ` (through a symbolic link to ${real})`;
        return {
          ok: false,
          reason: 'outside-project',
          message: `it is outside the project directory${through}; pass --allow-outside-project to read it`,
        };
      }
      const read = host.readFile(absolutePath);
      return read.ok ? read : { ok: false, reason: 'unreadable', message: read.message };
    },
  };
}

/** True when `candidate` is `root` or below it. Both must be absolute and normalized. */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** Decodes UTF-8 text, dropping a leading byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
