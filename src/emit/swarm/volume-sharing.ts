/**
 * Named volumes that several containers share under docker compose up but not on a Swarm. Compose runs every
 * container on one engine, so all replicas and all services mounting a volume see the same data. Swarm creates a
 * volume of the `local` driver on each node that runs a task, separately: tasks on different nodes each get their own
 * copy, empty at first.
 */
import type { Service, Volume } from '../../ir/types.js';
import { volumeUsers } from '../../ir/volume-users.js';
import type { SwarmContext } from './context.js';

/** Filesystem types of the local driver (`driver_opts.type`) that mount storage from the network, shared already. */
const NETWORK_FILESYSTEMS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'glusterfs', 'ceph']);

/** Warns, once per volume at its top-level entry, where tasks on different nodes would not share its data. */
export function reportNodeLocalSharing(c: SwarmContext, key: string, v: Volume): void {
  if (v.external || !nodeLocal(v)) return;
  const users: string[] = [];
  let shared = false;
  for (const name of volumeUsers(c.project, key)) {
    const tasks = taskCount(c.project.services[name]!);
    // A service scaled to zero runs nowhere, so it shares nothing.
    if (tasks === 0) continue;
    // A global service alone runs one container under Compose, so its per-node copies share nothing Compose shared.
    if (typeof tasks === 'number' && tasks > 1) shared = true;
    users.push(tasks === 1 ? name : `${name} (${tasks === 'global' ? 'one task per node' : `${tasks} replicas`})`);
  }
  if (users.length > 1) shared = true;
  if (!shared) return;
  c.report('warning', 'SWARM_LOCAL_VOLUME_SHARED', `volumes.${key}: a local volume lives on one node, and Swarm creates a separate copy on each node that runs a task of ${users.join(', ')}; tasks on different nodes do not share its data as the containers did under docker compose up`, v, 'name', 'pin every service that mounts it to one node (deploy.placement.constraints: [node.hostname == NAME], or a node label), or use a volume driver that shares storage across nodes (driver_opts type: nfs, or a volume plugin)');
}

/** True for a volume of the local driver that is not a network filesystem mount. */
function nodeLocal(v: Volume): boolean {
  if (v.driver !== undefined && v.driver !== 'local') return false;
  const type = v.driver_opts?.type?.toLowerCase();
  return type === undefined || !NETWORK_FILESYSTEMS.has(type);
}

/** How many tasks the service runs: a count, or one per node. Compose's default is one. */
function taskCount(s: Service): number | 'global' {
  const mode = s.deploy?.mode;
  if (mode === 'global' || mode === 'global-job') return 'global';
  return s.deploy?.replicas ?? s.scale ?? 1;
}
