/** A service's `secrets` and `configs` entries in long syntax; a string mode is octal, as in Compose (§13). */
import { isPlainObject } from '../../util/objects.js';
import type { ServiceFileRef } from '../types.js';
import { extensionsOf, numberFrom, text } from './context.js';

/** Normalizes service `secrets` (default target `/run/secrets/<source>`) or `configs` (no default target). */
export function normalizeFileRefs(value: unknown, kind: 'secret' | 'config'): ServiceFileRef[] {
  if (!Array.isArray(value)) return [];
  const out: ServiceFileRef[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (typeof entry === 'string') {
      out.push(kind === 'secret' ? { source: entry, target: `/run/secrets/${entry}`, extensions: {} } : { source: entry, extensions: {} });
      continue;
    }
    if (!isPlainObject(entry) || typeof entry.source !== 'string') continue;
    const ref: ServiceFileRef = { source: entry.source, extensions: extensionsOf(entry) };
    if (typeof entry.target === 'string' && entry.target !== '') {
      // A relative secret target is relative to /run/secrets, as in Compose.
      ref.target = kind === 'secret' && !entry.target.startsWith('/') ? `/run/secrets/${entry.target}` : entry.target;
    } else if (kind === 'secret') ref.target = `/run/secrets/${entry.source}`;
    if (entry.uid !== undefined && entry.uid !== null) ref.uid = text(entry.uid);
    if (entry.gid !== undefined && entry.gid !== null) ref.gid = text(entry.gid);
    const mode = fileMode(entry.mode);
    if (mode !== undefined) ref.mode = mode;
    out.push(ref);
  }
  return out;
}

/** A file mode: a number as written, a string read as octal (`"0440"`, `"440"`). */
export function fileMode(value: unknown): number | undefined {
  if (typeof value === 'string' && /^[0-7]+$/.test(value.replace(/^0o/, ''))) return parseInt(value.replace(/^0o/, ''), 8);
  return numberFrom(value);
}
