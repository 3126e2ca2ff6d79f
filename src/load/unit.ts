/**
 * One compose document on its way into the project model: interpolated, its `include`s merged beneath it, its
 * `extends` resolved. The same steps serve top-level files, included files and extended files, which differ only
 * in their directory and environment.
 */
import path from 'node:path';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keyLocation } from '../diagnostics/locations.js';
import { parseComposeYaml, type ParseLimits } from '../parse/index.js';
import { interpolateModel } from './interpolation/interpolate-tree.js';
import type { Lookup } from './interpolation/template.js';
import { enforceUnicity } from './merge/unicity.js';
import { mergeModels, stripMarkers } from './merge/merge.js';
import { isPlainObject, setOwn, type PlainObject } from '../util/objects.js';
import { copyLocations } from '../diagnostics/locations.js';
import type { FileAccess } from './file-access.js';
import type { Host } from './host.js';
import { decodeText } from './file-access.js';
import { applyIncludes } from './include.js';
import { resolveExtends } from './extends.js';

/** Everything the per-document steps share for one `load()` call. */
export interface LoadSession {
  readonly host: Host;
  readonly access: FileAccess;
  readonly cwd: string;
  readonly projectDir: string;
  readonly limits: Partial<ParseLimits>;
  readonly diagnostics: Diagnostic[];
  /** Absolute paths of the includes being loaded, outermost first, to report cycles. */
  readonly includeStack: string[];
}

/** A unit's own context: where its relative paths start and which variables it sees. */
export interface UnitContext {
  /** The directory relative paths in this unit are relative to. */
  readonly dir: string;
  readonly lookup: Lookup;
}

/** Parses compose text into documents, recording parse diagnostics. */
export function parseDocuments(session: LoadSession, text: string, display: string): unknown[] {
  const parsed = parseComposeYaml(text, display, session.limits);
  session.diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return [];
  return parsed.documents.map((d) => d.value);
}

/** Reads and parses a file through the project-directory policy. Returns undefined (and reports) on failure. */
export function readComposeFile(
  session: LoadSession,
  absolutePath: string,
  display: string,
  onRefused: (message: string, reason: string) => void,
): unknown[] | undefined {
  const read = session.access.read(absolutePath);
  if (!read.ok) {
    onRefused(read.message, read.reason);
    return undefined;
  }
  return parseDocuments(session, decodeText(read.bytes), display);
}

/**
 * Models that {@link processDocument} made from a document without `!reset` or `!override`. Include and extends add
 * only content that a merge or {@link mergeDocuments} has already stripped, so such a model holds no marker, and
 * the first document of a project (usually the only one) need not be walked again to find none. Keyed by identity:
 * models are never mutated, so the fact stays true for as long as the model lives.
 */
const markerFree = new WeakSet<object>();

/** Runs one parsed document through interpolation, include and extends. */
export function processDocument(session: LoadSession, doc: unknown, display: string, unit: UnitContext): unknown {
  let markers = false;
  const interpolated = interpolateModel(doc, { lookup: unit.lookup, file: display, onMarkers: () => (markers = true) });
  session.diagnostics.push(...interpolated.diagnostics);
  let model = dropVersion(session, interpolated.value);
  model = applyIncludes(session, model, unit);
  model = resolveExtends(session, model, display, unit);
  if (!markers && model !== null && typeof model === 'object') markerFree.add(model);
  return model;
}

/** Merges documents in order, as several `-f` files are merged. */
export function mergeDocuments(session: LoadSession, models: readonly unknown[]): unknown {
  let acc: unknown;
  for (const model of models) {
    if (acc === undefined) {
      acc = model !== null && typeof model === 'object' && markerFree.has(model) ? model : stripMarkers(model);
    } else {
      const merged = mergeModels(acc, model);
      session.diagnostics.push(...merged.diagnostics);
      acc = merged.value;
    }
    acc = enforceUnicity(acc);
  }
  return acc ?? {};
}

/** Loads a list of files (an include's `path` list, or an extends target) into one merged model. */
export function loadFiles(
  session: LoadSession,
  files: readonly { absolute: string; display: string }[],
  unit: UnitContext,
  onRefused: (file: string, message: string, reason: string) => void,
): unknown | undefined {
  const models: unknown[] = [];
  for (const file of files) {
    const docs = readComposeFile(session, file.absolute, file.display, (m, r) => onRefused(file.display, m, r));
    if (docs === undefined) return undefined;
    for (const doc of docs) models.push(processDocument(session, doc, file.display, unit));
  }
  return mergeDocuments(session, models);
}

/** `version` is obsolete: Compose warns and ignores it, and so do we (it never selects a schema). */
function dropVersion(session: LoadSession, model: unknown): unknown {
  if (!isPlainObject(model) || !('version' in model)) return model;
  session.diagnostics.push(
    warning(
      'COMPOSE_VERSION_OBSOLETE',
      'the attribute `version` is obsolete and is ignored; remove it to avoid confusion',
      keyLocation(model, 'version'),
    ),
  );
  return withoutKey(model, 'version');
}

/** A shallow copy of a mapping without one key, keeping positions. */
export function withoutKey(model: PlainObject, key: string): PlainObject {
  const copy: PlainObject = {};
  for (const k of Object.keys(model)) if (k !== key) setOwn(copy, k, model[k]);
  copyLocations(model, copy);
  return copy;
}

/** Shows `absolute` the way diagnostics name files. */
export function displayFor(session: LoadSession, absolute: string): string {
  const rel = path.relative(session.cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}
