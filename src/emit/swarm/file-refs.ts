/**
 * A service's uses of secrets and configs, in long syntax. Swarm mounts a secret under `/run/secrets/` and takes
 * its `target` as a file name there, so a Compose target inside that directory is shortened to the name; a config
 * target is a path and stays as written.
 */
import type { ServiceFileRef } from '../../ir/types.js';
import type { SwarmFileRef } from './stack-types.js';

/** Where Swarm mounts secrets. */
const SECRETS_DIR = '/run/secrets/';

/** The stack file's `secrets` (with `secret`) or `configs` of a service. */
export function fileRefs(refs: ServiceFileRef[], secret: boolean): SwarmFileRef[] {
  return refs.map((r) => {
    const out: SwarmFileRef = { source: r.source };
    // An absolute target elsewhere is kept as written.
    const target = secret && r.target?.startsWith(SECRETS_DIR) ? r.target.slice(SECRETS_DIR.length) : r.target;
    if (target !== undefined && target !== r.source) out.target = target;
    if (r.uid !== undefined) out.uid = r.uid;
    if (r.gid !== undefined) out.gid = r.gid;
    if (r.mode !== undefined) out.mode = r.mode;
    return out;
  });
}
