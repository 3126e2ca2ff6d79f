/**
 * Labels and annotations need names. The Compose schema accepts `labels: [""]` or `"=x"`, but no orchestrator
 * takes a label without a name (Swarm's schema and Kubernetes both refuse it), so stackport refuses it here, at the
 * entry, instead of emitting a file that fails to deploy.
 *
 * Every label of every project passes through here and almost all have names, so each label set is first checked
 * with plain loops that allocate nothing; paths and messages are built only for a set that holds a nameless label.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePath } from '../diagnostics/locations.js';
import { isPlainObject, valueAt } from '../util/objects.js';

const SERVICE_PATHS = [['labels'], ['annotations'], ['deploy', 'labels'], ['build', 'labels']] as const;
const RESOURCES = ['networks', 'volumes', 'secrets', 'configs'] as const;
const EQUALS = 0x3d;

/** One error per label or annotation written without a name. */
export function checkLabelNames(model: unknown): Diagnostic[] {
  if (!isPlainObject(model)) return [];
  const out: Diagnostic[] = [];
  const services = model.services;
  if (isPlainObject(services)) {
    const names = Object.keys(services);
    for (let i = 0; i < names.length; i++) {
      const service = names[i]!;
      for (let j = 0; j < SERVICE_PATHS.length; j++) {
        const path = SERVICE_PATHS[j]!;
        const labels = valueAt(services[service], path);
        if (hasNamelessLabel(labels)) report(out, model, ['services', service, ...path], labels);
      }
    }
  }
  for (const section of RESOURCES) {
    const resources = model[section];
    if (!isPlainObject(resources)) continue;
    const names = Object.keys(resources);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const labels = valueAt(resources[name], ['labels']);
      if (hasNamelessLabel(labels)) report(out, model, [section, name, 'labels'], labels);
    }
  }
  return out;
}

/** True when a label set (a `name=value` list or a mapping) holds a label whose name is blank. */
function hasNamelessLabel(labels: unknown): boolean {
  if (Array.isArray(labels)) {
    for (let i = 0; i < labels.length; i++) if (isNamelessEntry(labels[i])) return true;
    return false;
  }
  if (!isPlainObject(labels)) return false;
  const names = Object.keys(labels);
  for (let i = 0; i < names.length; i++) if (isBlank(names[i]!)) return true;
  return false;
}

/** One error per nameless label of the set at `path`. */
function report(out: Diagnostic[], model: unknown, path: readonly string[], labels: unknown): void {
  const names: [string | number, string][] = Array.isArray(labels)
    ? labels.map((entry, i) => [i, listEntryName(entry)])
    : Object.keys(labels as object).map((k) => [k, k]);
  for (const [at, name] of names) {
    if (!isBlank(name)) continue;
    out.push(error('LABEL_INVALID', `${[...path, at].join('.')}: a label needs a name`, locatePath(model, [...path, at]), 'write name=value'));
  }
}

/** True for a `name=value` list entry whose name is blank. */
function isNamelessEntry(entry: unknown): boolean {
  const text = String(entry);
  // The usual entry starts with its name: no need to cut the name out to see it is not blank.
  const first = text.charCodeAt(0);
  if (isVisibleAscii(first) && first !== EQUALS) return false;
  return isBlank(listEntryName(text));
}

/** The name of a list entry: the text before the first `=`. */
function listEntryName(entry: unknown): string {
  const text = String(entry);
  const equals = text.indexOf('=');
  return equals < 0 ? text : text.slice(0, equals);
}

/** True for an empty or all-whitespace name. */
function isBlank(name: string): boolean {
  // A name starting with a visible ASCII character is not blank; only other names need trim()'s Unicode rules.
  return !isVisibleAscii(name.charCodeAt(0)) && name.trim() === '';
}

/** True for a printable ASCII character other than the space (false for NaN, past the end of a string). */
function isVisibleAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}
