/**
 * Images for running real containers on the private Swarm manager without a registry: `FROM scratch` plus
 * Debian's static busybox (package busybox-static), built offline on the manager. `spbox:1` is busybox with a
 * shell as CMD; `spentry:1` adds an ENTRYPOINT and a CMD, to show how `entrypoint` and `command` combine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SwarmManager } from './swarm-manager.js';

/** Where busybox-static installs the binary. */
const BUSYBOX = '/bin/busybox';

/** The ENTRYPOINT and CMD of `spentry:1`: it prints `from-entrypoint` followed by its arguments. */
export const ENTRYPOINT_IMAGE = { name: 'spentry:1', entrypoint: ['echo', 'from-entrypoint'], cmd: ['from-cmd'] };

/** Why the images cannot be built here, or undefined when they can. */
export function busyboxUnavailable(): string | undefined {
  let head: Buffer;
  try {
    head = readFileSync(BUSYBOX).subarray(0, 4096);
  } catch {
    return `${BUSYBOX} is missing (.ci/run installs Debian's busybox-static)`;
  }
  return isStaticElf(head) ? undefined : `${BUSYBOX} is not statically linked (install busybox-static, not busybox)`;
}

/** True for a 64-bit little-endian ELF file with no program interpreter (PT_INTERP), i.e. statically linked. */
function isStaticElf(head: Buffer): boolean {
  if (head.length < 64 || head.readUInt32BE(0) !== 0x7f454c46 || head[4] !== 2 || head[5] !== 1) return false;
  const phoff = Number(head.readBigUInt64LE(0x20));
  const size = head.readUInt16LE(0x36);
  const count = head.readUInt16LE(0x38);
  for (let i = 0; i < count; i++) {
    const at = phoff + i * size;
    if (at + 4 > head.length) return false;
    if (head.readUInt32LE(at) === 3) return false;
  }
  return true;
}

/** Builds an image from a Dockerfile text and extra files; throws with docker's output when the build fails. */
export function buildImage(manager: SwarmManager, tag: string, dockerfile: string, files: Record<string, string> = {}): void {
  const context = mkdtempSync(path.join(tmpdir(), 'sp-image-'));
  try {
    writeFileSync(path.join(context, 'Dockerfile'), dockerfile);
    for (const [name, from] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(context, name)), { recursive: true });
      copyFileSync(from, path.join(context, name));
    }
    buildContext(manager, tag, context);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** Builds the directory `context` as `tag` with the classic builder (no BuildKit, no network needed). */
export function buildContext(manager: SwarmManager, tag: string, context: string): void {
  // Once more on failure: on a machine loaded by parallel test runs, a build step has been seen to fail once.
  let r = manager.shell(`docker build -q -t ${tag} .`, { DOCKER_BUILDKIT: '0' }, context);
  if (r.status !== 0) r = manager.shell(`docker build -q -t ${tag} .`, { DOCKER_BUILDKIT: '0' }, context);
  if (r.status !== 0) throw new Error(`docker build ${tag} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Builds `spbox:1` and `spentry:1` on the manager. */
export function buildBusyboxImages(manager: SwarmManager): void {
  buildImage(
    manager,
    'spbox:1',
    ['FROM scratch', 'COPY busybox /bin/busybox', 'RUN ["/bin/busybox", "--install", "-s", "/bin"]', 'RUN ["/bin/mkdir", "-p", "/tmp", "/data"]', 'CMD ["sh"]', ''].join('\n'),
    { busybox: BUSYBOX },
  );
  const { entrypoint, cmd } = ENTRYPOINT_IMAGE;
  buildImage(manager, ENTRYPOINT_IMAGE.name, ['FROM spbox:1', `ENTRYPOINT ${JSON.stringify(entrypoint)}`, `CMD ${JSON.stringify(cmd)}`, ''].join('\n'));
}
