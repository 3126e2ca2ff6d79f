/**
 * Names as Swarm checks them. The manager validates every name when it creates the object, so a name it rejects
 * stops `docker stack deploy` half-way, after the objects before it were created: stackport rejects such names
 * while converting instead. Configs and secrets are named by their content, because Swarm cannot change the data
 * of an existing one (`only updates to Labels are allowed`): a new name for new content makes a redeploy create
 * the new object and roll the services that use it.
 */
import { sha256Hex } from '../../util/sha256.js';

/** Swarm's rule for service names (swarmkit's `isValidDNSName`): letters and digits, joined by `-` or `_`. */
const SERVICE_NAME = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;

/** Swarm's limit on a service name, which includes the stack name and `_`. */
const SERVICE_NAME_MAX = 63;

/** Swarm's rule for config and secret names (swarmkit's `validateConfigOrSecretAnnotations`). */
const FILE_OBJECT_NAME = /^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$/;

/** Swarm's limit on a config or secret name. */
const FILE_OBJECT_NAME_MAX = 64;

/** Hex digits of the content hash in a name: enough that two versions of one file never meet in practice. */
const HASH_LENGTH = 10;

/** Why Swarm rejects the service key `name` under any stack name, or undefined when some stack name works. */
export function serviceNameProblem(name: string): string | undefined {
  if (!SERVICE_NAME.test(name)) {
    return 'Swarm service names may only hold letters, digits, "-" and "_", and must start and end with a letter or digit';
  }
  if (name.length + 2 > SERVICE_NAME_MAX) return `Swarm service names, with the stack name and "_" before them, must be ${SERVICE_NAME_MAX} characters or fewer`;
  return undefined;
}

/**
 * The longest stack name the service `name` can be deployed under: the stack name is chosen at deploy time, so a
 * project name that is too long is only a warning.
 */
export function longestStackName(name: string): number {
  return SERVICE_NAME_MAX - 1 - name.length;
}

/** The short content hash stackport puts in config and secret names. */
export function contentHash(bytes: Uint8Array | string): string {
  return sha256Hex(bytes).slice(0, HASH_LENGTH);
}

/**
 * `<base>_<hash>`, shortened from the end of `base` when it would pass Swarm's length limit (the hash is what
 * must survive), or undefined when Swarm would still reject it.
 */
export function contentName(base: string, hash: string): string | undefined {
  const room = FILE_OBJECT_NAME_MAX - hash.length - 1;
  const trimmed = base.length > room ? base.slice(0, room).replace(/[-_.]+$/, '') : base;
  const name = `${trimmed}_${hash}`;
  return FILE_OBJECT_NAME.test(name) ? name : undefined;
}
