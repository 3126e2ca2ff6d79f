/**
 * One compose document on its way into the project model: interpolated, its `include`s merged beneath it, its
 * `extends` resolved. The same steps serve top-level files, included files and extended files, which differ only
 * in their directory and environment. The shared pieces (session, reading, merging) live in `document.ts`.
 */
import { warning } from '../diagnostics/diagnostic.js';
import { keyLocation } from '../diagnostics/locations.js';
import { interpolateModel } from './interpolation/interpolate-tree.js';
import { isPlainObject } from '../util/objects.js';
import {
  mergeDocuments,
  noteMarkerFree,
  readComposeFile,
  withoutKey,
  type LoadSession,
  type UnitContext,
  type UnitFile,
} from './document.js';
import { applyIncludes } from './include.js';
import { resolveExtends } from './extends.js';

/** Runs one parsed document through interpolation, include and extends. */
export function processDocument(session: LoadSession, doc: unknown, display: string, unit: UnitContext): unknown {
  let markers = false;
  const interpolated = interpolateModel(doc, { lookup: unit.lookup, file: display, onMarkers: () => (markers = true) });
  session.diagnostics.push(...interpolated.diagnostics);
  let model = dropVersion(session, interpolated.value);
  model = applyIncludes(session, model, unit, loadFiles);
  model = resolveExtends(session, model, display, unit);
  if (!markers) noteMarkerFree(model);
  return model;
}

/** Loads a list of files (an include's `path` list, or an extends target) into one merged model. */
export function loadFiles(
  session: LoadSession,
  files: readonly UnitFile[],
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
