/**
 * Validation of stackport's own `x-kubernetes` extension (schemas/x-kubernetes.schema.json) on every service and
 * named volume, so a typo in a setting is a located error rather than a setting silently ignored. Compose itself
 * ignores `x-` keys, so this runs after the Compose schema, on the same merged model.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isPlainObject } from '../util/objects.js';
import { service, volume } from './generated/x-kubernetes-validator.js';
import { describe, mostSpecific, placeError } from './schema.js';

const EXTENSION = 'x-kubernetes';

/** One error per invalid `x-kubernetes` mapping, at the offending key or value. */
export function validateKubernetesExtensions(model: unknown): Diagnostic[] {
  if (!isPlainObject(model)) return [];
  const out: Diagnostic[] = [];
  for (const [section, validator] of [['services', service], ['volumes', volume]] as const) {
    const entries = model[section];
    if (!isPlainObject(entries)) continue;
    const names = Object.keys(entries);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const entry = entries[name];
      if (!isPlainObject(entry) || entry[EXTENSION] === undefined) continue;
      if (validator(entry[EXTENSION])) continue;
      const best = mostSpecific(validator.errors ?? []);
      if (!best) continue;
      const { segments, location } = placeError(model, [section, name, EXTENSION], best);
      out.push(
        error(
          'X_KUBERNETES_INVALID',
          `${segments.join('.')} ${describe(best)}`,
          location,
          'see "Kubernetes translation" in the README for the fields x-kubernetes takes',
        ),
      );
    }
  }
  return out;
}
