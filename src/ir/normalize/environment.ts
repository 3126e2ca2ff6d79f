/**
 * `environment` and `env_file` (compose-semantics §16): the declared entries, the env files read in order, and
 * the combination Compose puts in the container.
 */
import { isPlainObject, setOwn } from '../../util/objects.js';
import { resolveServiceEnvironment, type EnvFileText } from './resolve-service-env.js';
import type { EnvFile, Service } from '../types.js';
import { booleanFrom, keyValueRecord, text, type Normalizer } from './context.js';

/** One decoder for every env file (a decoder keeps no state between `decode` calls without `stream`). */
const decoder = new TextDecoder();

/** The env files of a service: path (project-relative), required, format. */
export function normalizeEnvFiles(n: Normalizer, value: unknown): EnvFile[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: EnvFile[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push({ path: n.projectPath(item), required: true });
    else if (isPlainObject(item) && typeof item.path === 'string') {
      const file: EnvFile = { path: n.projectPath(item.path), required: booleanFrom(item.required) ?? true };
      if (typeof item.format === 'string') file.format = item.format;
      out.push(file);
    }
  }
  return out;
}

/** Fills `environment`, `environment_declared` and `env_file` of a service. */
export function normalizeEnvironment(
  n: Normalizer,
  raw: Record<string, unknown>,
  service: string,
): Pick<Service, 'environment' | 'environment_declared' | 'env_file'> {
  const declared = keyValueRecord<null>(raw.environment, null);
  if (Array.isArray(raw.environment)) checkListEntries(n, raw.environment, service);
  const envFiles = normalizeEnvFiles(n, raw.env_file);
  const texts = envFiles.length === 0 ? [] : readEnvFiles(n, raw, envFiles, service);
  const environment = texts.length === 0 ? withoutEnvFiles(n, declared) : withEnvFiles(n, declared, texts);
  const environmentDeclared: Record<string, string | null> = {};
  const keys = Object.keys(declared);
  for (let i = 0; i < keys.length; i++) setOwn(environmentDeclared, keys[i]!, environment[keys[i]!] ?? null);
  return { environment, environment_declared: environmentDeclared, env_file: envFiles };
}

/** The list form needs a name before each `=`, and no trailing space in it. */
function checkListEntries(n: Normalizer, list: unknown[], service: string): void {
  for (let i = 0; i < list.length; i++) {
    const entry = text(list[i]);
    const eq = entry.indexOf('=');
    const key = eq < 0 ? entry : entry.slice(0, eq);
    if (key === '') n.error('ENVIRONMENT_INVALID', `services.${service}.environment: an entry has no variable name`, list, i, 'write NAME=value');
    if (/\s$/.test(key)) n.error('ENVIRONMENT_INVALID', `services.${service}.environment: variable "${key}" is declared with a trailing space`, list, i);
  }
}

/** The text of every env file that can be used, in order; unusable ones are reported. */
function readEnvFiles(n: Normalizer, raw: Record<string, unknown>, envFiles: EnvFile[], service: string): EnvFileText[] {
  const texts: EnvFileText[] = [];
  for (let i = 0; i < envFiles.length; i++) {
    const file = envFiles[i]!;
    if (file.format !== undefined && file.format !== 'raw') {
      n.error('ENV_FILE_FORMAT', `services.${service}.env_file: unsupported format "${file.format}" (use raw, or leave it out)`, raw, 'env_file');
      continue;
    }
    const read = n.context.readFile(n.absolutePath(file.path));
    if (!read.ok) {
      if (file.required) {
        const where = Array.isArray(raw.env_file) ? [raw.env_file, i] as const : [raw, 'env_file'] as const;
        n.error('ENV_FILE_NOT_FOUND', `services.${service}.env_file: cannot read ${file.path}: ${read.message}`, where[0], where[1], 'create the file, or mark it `required: false`');
      }
      continue;
    }
    const entry: EnvFileText = { path: file.path.replace(/^\.\//, ''), text: decoder.decode(read.bytes) };
    if (file.format) entry.format = file.format;
    texts.push(entry);
  }
  return texts;
}

/**
 * The container environment when no env file applies, the usual case: the declared entries, a bare key taking the
 * project environment's value or staying null. The same rule as resolveServiceEnvironment's, without its
 * intermediate copies and maps.
 */
function withoutEnvFiles(n: Normalizer, declared: Record<string, string | null>): Record<string, string | null> {
  const environment: Record<string, string | null> = {};
  const keys = Object.keys(declared);
  for (let i = 0; i < keys.length; i++) setOwn(environment, keys[i]!, declared[keys[i]!] ?? n.context.lookup(keys[i]!) ?? null);
  return environment;
}

/** The container environment combined with the env files' entries, as Compose combines them. */
function withEnvFiles(n: Normalizer, declared: Record<string, string | null>, texts: EnvFileText[]): Record<string, string | null> {
  const resolved = resolveServiceEnvironment(n.context.lookup, declared, texts);
  for (const d of resolved.diagnostics) n.diagnostics.push(d);
  return resolved.environment;
}
