/**
 * The pieces every per-document step shares: the load session, a unit's context, and the helpers that read,
 * parse and merge documents. A leaf of `load/`: `unit.ts`, `include.ts` and `extends.ts` all import it, and it
 * imports none of them, so the recursion include -> unit -> include runs through a parameter, not an import circle.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { copyLocations } from '../diagnostics/locations.js';
import { parseComposeYaml, type ParseLimits } from '../parse/index.js';
import { setOwn, type PlainObject } from '../util/objects.js';
import type { Lookup } from '../parse/template.js';
import { enforceUnicity } from './merge/unicity.js';
import { mergeModels, stripMarkers } from './merge/merge.js';
import { decodeText, type FileAccess } from './file-access.js';
import type { Host } from './host.js';

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

/** A file to load, by absolute path and by the name diagnostics show. */
export interface UnitFile {
  readonly absolute: string;
  readonly display: string;
}

/**
 * Loads a list of files into one merged model (`loadFiles` in `unit.ts`). `include` receives it as a parameter
 * because an included file runs through the same steps as the file that includes it.
 */
export type LoadUnitFiles = (
  session: LoadSession,
  files: readonly UnitFile[],
  unit: UnitContext,
  onRefused: (file: string, message: string, reason: string) => void,
) => unknown | undefined;

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
 * Models that `processDocument` (unit.ts) made from a document without `!reset` or `!override`. Include and extends
 * add only content that a merge or {@link mergeDocuments} has already stripped, so such a model holds no marker, and
 * the first document of a project (usually the only one) need not be walked again to find none. Keyed by identity:
 * models are never mutated, so the fact stays true for as long as the model lives.
 */
const markerFree = new WeakSet<object>();

/** Records that `model` holds no `!reset`/`!override` marker, so {@link mergeDocuments} need not strip it. */
export function noteMarkerFree(model: unknown): void {
  if (model !== null && typeof model === 'object') markerFree.add(model);
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
