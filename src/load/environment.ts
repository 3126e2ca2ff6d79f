/**
 * The project environment: the variables interpolation and bare `environment:` keys read. The process environment
 * always wins; `.env` (or `--env-file`) only adds variables the process does not set; among several env files a
 * later one overrides an earlier one (compose-semantics §3.4).
 */
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDotenv } from '../parse/dotenv.js';
import { decodeText, type FileAccess } from './file-access.js';
import { displayPath } from './discover.js';

/** A read-only view of variables. */
export type EnvMap = ReadonlyMap<string, string>;

/** The process environment as a map, without unset entries. */
export function processEnvironment(env: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(env)) if (v !== undefined) map.set(k, v);
  return map;
}

/** Which env files feed the project environment, before they are read. */
export function envFileCandidates(
  processEnv: EnvMap,
  explicit: readonly string[],
  cwd: string,
  projectDir: string,
): { files: string[]; required: boolean } {
  if (explicit.length > 0) return { files: explicit.map((f) => path.resolve(cwd, f)), required: true };
  const fromVar = processEnv.get('COMPOSE_ENV_FILES');
  if (fromVar) {
    const files = fromVar.split(',').map((f) => f.trim()).filter(Boolean);
    return { files: files.map((f) => path.resolve(cwd, f)), required: true };
  }
  if (processEnv.get('COMPOSE_DISABLE_ENV_FILE') === 'true') return { files: [], required: false };
  return { files: [path.join(projectDir, '.env')], required: false };
}

/**
 * Adds the variables of `files` to `base`, never replacing a key `base` already has. Inside each file, `${VAR}`
 * looks first at the process environment, then at the file's own earlier lines, then at earlier files.
 */
export function addEnvFiles(
  base: EnvMap,
  processEnv: EnvMap,
  files: readonly string[],
  required: boolean,
  access: FileAccess,
  cwd: string,
): { env: Map<string, string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fromFiles = new Map<string, string>();
  for (const file of files) {
    const shown = displayPath(cwd, file);
    if (!required && !access.exists(file)) continue;
    const read = access.read(file);
    if (!read.ok) {
      const code = read.reason === 'outside-project' ? 'FILE_OUTSIDE_PROJECT' : 'ENV_FILE_NOT_FOUND';
      diagnostics.push(error(code, `couldn't read env file ${shown}: ${read.message}`));
      continue;
    }
    // The process environment, then this file's own earlier lines, then earlier files (compose-go TestMultipleFiles).
    const parsed = parseDotenv(decodeText(read.bytes), shown, (name) => processEnv.get(name), { fallback: (name) => fromFiles.get(name) });
    diagnostics.push(...parsed.diagnostics);
    for (const [k, v] of parsed.values) fromFiles.set(k, v);
  }
  const env = new Map(base);
  for (const [k, v] of fromFiles) if (!env.has(k)) env.set(k, v);
  return { env, diagnostics };
}
