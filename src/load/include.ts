/**
 * `include`: each entry is loaded as a project of its own (its own directory and environment), its relative paths
 * are rebased onto the including unit, and the including document is merged over it, so a local definition
 * overrides an included one with the ordinary merge rules (compose-go >= 2.10 behaviour; compose-semantics §10).
 */
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { entryLocation, keyLocation } from '../diagnostics/locations.js';
import { isPlainObject } from '../util/objects.js';
import { addEnvFiles } from './environment.js';
import { enforceUnicity } from './merge/unicity.js';
import { mergeModels } from './merge/merge.js';
import { rebaseModelPaths } from './rebase-paths.js';
import { displayFor, withoutKey, type LoadSession, type LoadUnitFiles, type UnitContext } from './document.js';

interface IncludeEntry {
  paths: string[];
  projectDirectory?: string;
  envFiles?: string[];
}

/**
 * Loads the document's `include` entries beneath it and returns the document without `include`. `loadFiles` runs
 * each included file through the same per-document steps (`unit.ts`), which in turn apply that file's includes.
 */
export function applyIncludes(session: LoadSession, model: unknown, unit: UnitContext, loadFiles: LoadUnitFiles): unknown {
  if (!isPlainObject(model) || model.include === undefined) return model;
  const entries = model.include;
  const rest = withoutKey(model, 'include');
  if (!Array.isArray(entries)) {
    session.diagnostics.push(error('INCLUDE_INVALID', '`include` must be a list', keyLocation(model, 'include')));
    return rest;
  }
  let base: unknown;
  entries.forEach((raw, index) => {
    const where = entryLocation(entries, index);
    const entry = readEntry(raw);
    if (!entry) {
      session.diagnostics.push(error('INCLUDE_INVALID', 'an include entry must be a path or a mapping with `path`', where));
      return;
    }
    const included = loadInclude(session, entry, unit, where, loadFiles);
    if (included === undefined) return;
    base = base === undefined ? included : collect(session, mergeModels(base, included));
  });
  if (base === undefined) return rest;
  return enforceUnicity(collect(session, mergeModels(base, rest)));
}

function collect(session: LoadSession, result: { value: unknown; diagnostics: Diagnostic[] }): unknown {
  session.diagnostics.push(...result.diagnostics);
  return result.value;
}

function readEntry(raw: unknown): IncludeEntry | undefined {
  if (typeof raw === 'string') return { paths: [raw] };
  if (!isPlainObject(raw)) return undefined;
  const paths = typeof raw.path === 'string' ? [raw.path] : Array.isArray(raw.path) ? raw.path.filter(isString) : [];
  if (paths.length === 0) return undefined;
  const envFiles =
    typeof raw.env_file === 'string' ? [raw.env_file] : Array.isArray(raw.env_file) ? raw.env_file.filter(isString) : undefined;
  const entry: IncludeEntry = { paths };
  if (typeof raw.project_directory === 'string') entry.projectDirectory = raw.project_directory;
  if (envFiles) entry.envFiles = envFiles;
  return entry;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function loadInclude(
  session: LoadSession,
  entry: IncludeEntry,
  unit: UnitContext,
  where: ReturnType<typeof entryLocation>,
  loadFiles: LoadUnitFiles,
): unknown | undefined {
  const files = entry.paths.map((p) => path.resolve(unit.dir, p));
  const cycleAt = files.find((f) => session.includeStack.includes(f));
  if (cycleAt) {
    const chain = [...session.includeStack, cycleAt].map((f) => displayFor(session, f)).join(' -> ');
    session.diagnostics.push(error('INCLUDE_CYCLE', `include cycle detected: ${chain}`, where));
    return undefined;
  }
  const dir = entry.projectDirectory ? path.resolve(unit.dir, entry.projectDirectory) : path.dirname(files[0]!);
  const lookup = includeLookup(session, unit, dir, entry.envFiles, where);
  session.includeStack.push(...files);
  const model = loadFiles(
    session,
    files.map((f) => ({ absolute: f, display: displayFor(session, f) })),
    { dir, lookup },
    (file, message, reason) =>
      session.diagnostics.push(
        error(reason === 'outside-project' ? 'FILE_OUTSIDE_PROJECT' : 'INCLUDE_NOT_FOUND', `cannot include ${file}: ${message}`, where),
      ),
  );
  session.includeStack.splice(session.includeStack.length - files.length, files.length);
  return model === undefined ? undefined : rebaseModelPaths(model, dir, unit.dir);
}

/** The parent's variables win; the include's env files only add what the parent does not set. */
function includeLookup(
  session: LoadSession,
  unit: UnitContext,
  dir: string,
  envFiles: string[] | undefined,
  where: ReturnType<typeof entryLocation>,
): UnitContext['lookup'] {
  const explicit = (envFiles ?? []).filter((f) => f !== '/dev/null').map((f) => path.resolve(unit.dir, f));
  const files = envFiles ? explicit : [path.join(dir, '.env')];
  if (files.length === 0) return unit.lookup;
  const empty = new Map<string, string>();
  const added = addEnvFiles(empty, empty, files, envFiles !== undefined, session.access, session.cwd);
  session.diagnostics.push(...added.diagnostics.map((d) => (d.location ? d : { ...d, location: where })));
  return (name) => unit.lookup(name) ?? added.env.get(name);
}
