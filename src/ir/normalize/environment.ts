/**
 * `environment` and `env_file` (compose-semantics §16): the declared entries, the env files read in order, and
 * the combination Compose puts in the container.
 */
import { isPlainObject } from '../../util/objects.js';
import { resolveServiceEnvironment, type EnvFileText } from '../../load/dotenv/resolve-service-env.js';
import type { EnvFile, Service } from '../types.js';
import { booleanFrom, keyValueRecord, text, type Normalizer } from './context.js';

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
  if (Array.isArray(raw.environment)) {
    raw.environment.forEach((entry, i) => {
      const key = text(entry).split('=', 1)[0]!;
      if (key === '') n.error('ENVIRONMENT_INVALID', `services.${service}.environment: an entry has no variable name`, raw.environment as unknown[], i, 'write NAME=value');
      if (/\s$/.test(key)) n.error('ENVIRONMENT_INVALID', `services.${service}.environment: variable "${key}" is declared with a trailing space`, raw.environment as unknown[], i);
    });
  }
  const envFiles = normalizeEnvFiles(n, raw.env_file);
  const texts: EnvFileText[] = [];
  envFiles.forEach((file, i) => {
    if (file.format !== undefined && file.format !== 'raw') {
      n.error('ENV_FILE_FORMAT', `services.${service}.env_file: unsupported format "${file.format}" (use raw, or leave it out)`, raw, 'env_file');
      return;
    }
    const read = n.context.readFile(n.absolutePath(file.path));
    if (!read.ok) {
      if (file.required) {
        const where = Array.isArray(raw.env_file) ? [raw.env_file, i] as const : [raw, 'env_file'] as const;
        n.error('ENV_FILE_NOT_FOUND', `services.${service}.env_file: cannot read ${file.path}: ${read.message}`, where[0], where[1], 'create the file, or mark it `required: false`');
      }
      return;
    }
    const entry: EnvFileText = { path: file.path.replace(/^\.\//, ''), text: new TextDecoder().decode(read.bytes) };
    if (file.format) entry.format = file.format;
    texts.push(entry);
  });
  const resolved = resolveServiceEnvironment(n.context.lookup, declared, texts);
  n.diagnostics.push(...resolved.diagnostics);
  const environmentDeclared: Record<string, string | null> = {};
  for (const key of Object.keys(declared)) Object.defineProperty(environmentDeclared, key, { value: resolved.environment[key] ?? null, enumerable: true, writable: true, configurable: true });
  return { environment: resolved.environment, environment_declared: environmentDeclared, env_file: envFiles };
}
