/**
 * Labels and annotations need names. The Compose schema accepts `labels: [""]` or `"=x"`, but no orchestrator
 * takes a label without a name (Swarm's schema and Kubernetes both refuse it), so stackport refuses it here, at the
 * entry, instead of emitting a file that fails to deploy.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePath } from '../diagnostics/locations.js';
import { isPlainObject, valueAt } from '../util/objects.js';

const SERVICE_PATHS = [['labels'], ['annotations'], ['deploy', 'labels'], ['build', 'labels']];
const RESOURCES = ['networks', 'volumes', 'secrets', 'configs'];

/** One error per label or annotation written without a name. */
export function checkLabelNames(model: unknown): Diagnostic[] {
  if (!isPlainObject(model)) return [];
  const out: Diagnostic[] = [];
  const check = (path: (string | number)[]) => {
    const value = valueAt(model, path);
    const entries: [string | number, string][] = Array.isArray(value)
      ? value.map((entry, i) => [i, String(entry).split('=', 1)[0]!])
      : isPlainObject(value)
        ? Object.keys(value).map((k) => [k, k])
        : [];
    for (const [at, name] of entries) {
      if (name.trim() !== '') continue;
      out.push(error('LABEL_INVALID', `${[...path, at].join('.')}: a label needs a name`, locatePath(model, [...path, at]), 'write name=value'));
    }
  };
  for (const service of Object.keys(isPlainObject(model.services) ? model.services : {})) {
    for (const path of SERVICE_PATHS) check(['services', service, ...path]);
  }
  for (const section of RESOURCES) {
    for (const name of Object.keys(isPlainObject(model[section]) ? model[section] : {})) check([section, name, 'labels']);
  }
  return out;
}
