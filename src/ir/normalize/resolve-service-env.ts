/**
 * A service's container environment, combined as Compose combines it (compose-semantics §16): the `env_file`s in
 * order, then every key of `environment` on top, including keys whose value is null or empty. Bare keys take the
 * project environment's value, else stay null (unset in the container).
 */
import { error, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasOwn, setOwn } from '../../util/objects.js';
import type { Lookup } from '../../parse/template.js';
import { parseDotenv } from '../../parse/dotenv.js';

/** An env file already read: its path as shown in diagnostics, its format, and its text. */
export interface EnvFileText {
  path: string;
  format?: string;
  text: string;
}

/** The combined environment and any problems found in the env files. */
export interface ServiceEnvironment {
  environment: Record<string, string | null>;
  diagnostics: Diagnostic[];
}

/** Combines a service's declared `environment` with its env files. Pure. */
export function resolveServiceEnvironment(
  projectLookup: Lookup,
  declared: Record<string, string | null>,
  envFiles: readonly EnvFileText[],
): ServiceEnvironment {
  const resolvedDeclared: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(declared)) setOwn(resolvedDeclared, key, value ?? projectLookup(key) ?? null);

  const diagnostics: Diagnostic[] = [];
  const fromFiles = new Map<string, string>();
  // Inside an env file: the project environment, the service's own environment, the file's earlier lines, then
  // earlier files.
  const fileLookup: Lookup = (name) =>
    projectLookup(name) ?? (hasOwn(resolvedDeclared, name) ? (resolvedDeclared[name] ?? undefined) : undefined);
  const fallback: Lookup = (name) => fromFiles.get(name);
  for (const file of envFiles) {
    if (file.format !== undefined && file.format !== '' && file.format !== 'raw') {
      // docker compose registers only `raw` besides the default; the file is not read rather than misread.
      diagnostics.push(error('ENV_FILE_FORMAT', `unsupported env_file format "${file.format}" for ${file.path}`, undefined, 'use format: raw, or leave format out'));
      continue;
    }
    const options = file.format === 'raw' ? { format: 'raw' as const, fallback } : { fallback };
    const parsed = parseDotenv(file.text, file.path, fileLookup, options);
    diagnostics.push(...parsed.diagnostics);
    for (const [key, value] of parsed.values) fromFiles.set(key, value);
  }

  const environment: Record<string, string | null> = {};
  for (const [key, value] of fromFiles) setOwn(environment, key, value);
  for (const [key, value] of Object.entries(resolvedDeclared)) setOwn(environment, key, value);
  return { environment, diagnostics };
}
