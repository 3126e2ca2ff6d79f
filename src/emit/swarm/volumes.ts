/**
 * A service's mounts: named volumes, bind mounts and tmpfs mounts (the service-level `tmpfs:` key too, see
 * tmpfs.ts). Bind sources are checked for what they mean on a Swarm node, where nothing creates a missing one.
 * The long syntax needs stack file version 3.2; older versions get the short one, which has no options.
 */
import type { Service, ServiceVolume } from '../../ir/types.js';
import type { SwarmContext } from './context.js';
import type { SwarmServiceVolume } from './stack-types.js';
import { tmpfsMounts } from './tmpfs.js';
import { supports } from './versions.js';

/** The stack file's `volumes` of a service (empty when it mounts nothing). */
export function serviceVolumes(c: SwarmContext, s: Service): (string | SwarmServiceVolume)[] {
  const out: (string | SwarmServiceVolume)[] = [];
  for (const v of s.volumes) {
    if (v.type === 'image' || v.type === 'npipe' || v.type === 'cluster') {
      c.report('warning', 'SWARM_UNSUPPORTED', `services.${s.name}.volumes: a ${v.type} mount at ${v.target} is not supported by docker stack deploy; it is dropped`, s, 'volumes');
      continue;
    }
    if (v.bind?.selinux) {
      c.report('warning', 'SWARM_SELINUX', `services.${s.name}.volumes: Swarm ignores the SELinux label option :${v.bind.selinux} on ${v.target}`, s, 'volumes');
    }
    if (v.type === 'bind' && v.source !== undefined) bindSource(c, s, v.source);
    reportLostOptions(c, s, v);
    out.push(c.needs('longSyntax', `services.${s.name}.volumes in long syntax`, s, 'volumes') ? longVolume(c, s, v) : shortVolume(c, v));
  }
  if (s.tmpfs !== undefined && s.tmpfs.length > 0) {
    if (supports(c.version, 'longSyntax')) out.push(...tmpfsMounts(c, s, supports(c.version, 'tmpfsSize')));
    else c.report('warning', 'SWARM_VERSION_TOO_OLD', `services.${s.name}.tmpfs needs stack file version 3.2 or later (a tmpfs mount); it is left out of version ${c.version}`, s, 'tmpfs', 'use --swarm-version 3.2 or later');
  }
  return out;
}

/**
 * What a bind source means on a Swarm node. Docker Compose creates a missing source directory; Swarm refuses to
 * start the task instead, and retries it forever. A `~` is expanded by `docker stack deploy` with the HOME of
 * whoever deploys, not by the node.
 */
function bindSource(c: SwarmContext, s: Service, source: string): void {
  const found = c.project.bind_sources?.[source];
  if (found === 'missing') {
    // A socket or a device is made by what serves it; a directory created in its place would hide the real one.
    const hint = socketOrDevice(source)
      ? `it must exist on every node that runs the service (for ${source}, run what provides it there, e.g. Docker for its socket); do not create a directory in its place`
      : `create it on every node that runs the service (mkdir -p ${source})`;
    c.report('warning', 'SWARM_BIND_MISSING', `services.${s.name}.volumes: the bind source ${source} does not exist; Docker Compose would create it, but Swarm does not start a task whose bind source is missing`, s, 'volumes', hint);
  } else if (source.startsWith('~')) {
    c.report('warning', 'SWARM_BIND_HOME', `services.${s.name}.volumes: docker stack deploy expands ~ in the bind source ${source} with the HOME of whoever deploys, and the path must exist on every node that runs the service`, s, 'volumes', 'write an absolute path');
  } else if (source.startsWith('.')) {
    c.report('info', 'SWARM_BIND_PATH', `services.${s.name}.volumes: the bind source ${source} must exist on every node that runs the service`, s, 'volumes');
  }
}

/**
 * Mount options the v3 format has no field for, in any version: a volume's `subpath` (Swarm would mount the whole
 * volume, so the service sees other files than under Compose) and a tmpfs `mode` (Swarm mounts it 1777).
 */
function reportLostOptions(c: SwarmContext, s: Service, v: ServiceVolume): void {
  const subpath = v.volume?.subpath;
  if (subpath !== undefined) {
    c.report('warning', 'SWARM_VOLUME_SUBPATH', `services.${s.name}.volumes: the stack format has no volume.subpath, so Swarm mounts the whole volume ${v.source ?? '(anonymous)'} at ${v.target}, not its subdirectory ${subpath}`, s, 'volumes', `mount the whole volume and point the service at ${v.target.replace(/\/$/, '')}/${subpath.replace(/^\//, '')}, or bind-mount the subdirectory from a path that exists on every node`);
  }
  const mode = v.tmpfs?.mode;
  // 0o1777 is what Swarm gives anyway.
  if (mode !== undefined && mode !== 0o1777) {
    c.report('warning', 'SWARM_TMPFS_OPTIONS', `services.${s.name}.volumes: the stack format has no tmpfs.mode, so Swarm mounts ${v.target} with mode 1777, not the mode written (0${mode.toString(8)} in octal)`, s, 'volumes', 'set the permissions the service needs when it starts (chmod in its entrypoint), or rely on mode 1777');
  }
}

/** True for a path that names a socket or a device rather than a directory: `*.sock`, or under /var/run, /run, /dev. */
function socketOrDevice(source: string): boolean {
  return source.endsWith('.sock') || /^\/(var\/run|run|dev)(\/|$)/.test(source);
}

/** A mount in long syntax; a bind source is written relative to where the stack file is deployed from. */
function longVolume(c: SwarmContext, s: Service, v: ServiceVolume): SwarmServiceVolume {
  const out: SwarmServiceVolume = { type: v.type, target: v.target };
  if (v.source !== undefined) out.source = v.type === 'bind' ? c.path(v.source) : v.source;
  if (v.read_only !== undefined) out.read_only = v.read_only;
  if (v.consistency !== undefined) out.consistency = v.consistency;
  if (v.bind?.propagation !== undefined) out.bind = { propagation: v.bind.propagation };
  if (v.volume?.nocopy !== undefined) out.volume = { nocopy: v.volume.nocopy };
  if (v.tmpfs?.size !== undefined && c.needs('tmpfsSize', `services.${s.name}.volumes: tmpfs.size of ${v.target}`, s, 'volumes')) out.tmpfs = { size: v.tmpfs.size };
  return out;
}

/** A mount in short syntax (`source:target[:ro]`), for versions before 3.2. */
function shortVolume(c: SwarmContext, v: ServiceVolume): string {
  const source = v.source === undefined ? '' : `${v.type === 'bind' ? c.path(v.source) : v.source}:`;
  return `${source}${v.target}${v.read_only ? ':ro' : ''}`;
}
