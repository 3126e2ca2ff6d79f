/**
 * `extends`: a service is merged over a copy of the service it extends, from the same document or another file,
 * recursively, with cycles reported (compose-semantics §9). An extended file is interpolated but not validated;
 * its relative paths are relative to its own directory and are rebased onto the extending unit.
 */
import path from 'node:path';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics/diagnostic.js';
import { copyLocations, entryLocation, keyLocation } from '../diagnostics/locations.js';
import { isPlainObject, setOwn, type PlainObject } from '../util/objects.js';
import { mergeService } from './merge/merge.js';
import { rebasePath, rebaseService } from './rebase-paths.js';
import { displayFor, mergeDocuments, parseDocuments, withoutKey, type LoadSession, type UnitContext } from './document.js';
import { decodeText } from './file-access.js';
import { interpolateModel } from './interpolation/interpolate-tree.js';

/** Services of one file, with the directory their paths are relative to. */
interface ServiceScope {
  readonly key: string;
  readonly dir: string;
  readonly display: string;
  readonly services: PlainObject;
}

/** Resolves every `extends` in a document's services. */
export function resolveExtends(session: LoadSession, model: unknown, display: string, unit: UnitContext): unknown {
  if (!isPlainObject(model) || !isPlainObject(model.services)) return model;
  const services = model.services;
  if (!Object.values(services).some((s) => isPlainObject(s) && s.extends !== undefined)) return model;
  const scope: ServiceScope = { key: display, dir: unit.dir, display, services };
  const resolver = new ExtendsResolver(session, unit);
  const resolvedServices: PlainObject = {};
  for (const name of Object.keys(services)) setOwn(resolvedServices, name, resolver.resolve(scope, name, []));
  copyLocations(services, resolvedServices);
  const out: PlainObject = {};
  for (const k of Object.keys(model)) setOwn(out, k, k === 'services' ? resolvedServices : model[k]);
  copyLocations(model, out);
  return out;
}

class ExtendsResolver {
  readonly #done = new Map<string, unknown>();
  readonly #files = new Map<string, ServiceScope | undefined>();

  constructor(
    readonly session: LoadSession,
    readonly unit: UnitContext,
  ) {}

  /** The service `name` of `scope` with its extends chain applied; paths relative to `scope.dir`. */
  resolve(scope: ServiceScope, name: string, chain: string[]): unknown {
    const id = `${scope.key}#${name}`;
    if (this.#done.has(id)) return this.#done.get(id);
    const service = scope.services[name];
    if (!isPlainObject(service) || service.extends === undefined) return service;
    const where = keyLocation(service, 'extends');
    if (chain.includes(id)) {
      this.report('EXTENDS_CYCLE', `circular extends: ${[...chain, id].map(describe).join(' -> ')}`, where);
      return withoutKey(service, 'extends');
    }
    const ref = readRef(service.extends);
    if (!ref) {
      this.report('EXTENDS_INVALID', `extends of service "${name}" must name a service`, where);
      return withoutKey(service, 'extends');
    }
    const baseScope = ref.file ? this.loadScope(scope, ref.file, entryLocation(service, 'extends')) : scope;
    if (!baseScope) return withoutKey(service, 'extends');
    if (!(ref.service in baseScope.services)) {
      const inFile = ref.file ? ` in ${baseScope.display}` : '';
      this.report('EXTENDS_SERVICE_NOT_FOUND', `cannot extend service "${name}": service "${ref.service}" not found${inFile}`, where);
      return withoutKey(service, 'extends');
    }
    let base = this.resolve(baseScope, ref.service, [...chain, id]);
    if (baseScope.dir !== scope.dir) base = rebaseService(base, (p) => rebasePath(p, baseScope.dir, scope.dir));
    const merged = mergeService(base ?? {}, withoutKey(service, 'extends'), name);
    this.session.diagnostics.push(...merged.diagnostics);
    this.#done.set(id, merged.value);
    return merged.value;
  }

  loadScope(from: ServiceScope, file: string, where: SourceLocation | undefined): ServiceScope | undefined {
    const absolute = path.resolve(from.dir, file);
    if (this.#files.has(absolute)) return this.#files.get(absolute);
    const display = displayFor(this.session, absolute);
    const read = this.session.access.read(absolute);
    let scope: ServiceScope | undefined;
    if (!read.ok) {
      const code = read.reason === 'outside-project' ? 'FILE_OUTSIDE_PROJECT' : 'EXTENDS_FILE_NOT_FOUND';
      this.report(code, `cannot read extended file ${display}: ${read.message}`, where);
    } else {
      const docs = parseDocuments(this.session, decodeText(read.bytes), display).map((doc) => {
        const interpolated = interpolateModel(doc, { lookup: this.unit.lookup, file: display });
        this.session.diagnostics.push(...interpolated.diagnostics);
        return interpolated.value;
      });
      const model = mergeDocuments(this.session, docs);
      const services = isPlainObject(model) && isPlainObject(model.services) ? model.services : {};
      scope = { key: absolute, dir: path.dirname(absolute), display, services };
    }
    this.#files.set(absolute, scope);
    return scope;
  }

  report(code: string, message: string, where: SourceLocation | undefined): void {
    const d: Diagnostic = error(code, message, where);
    this.session.diagnostics.push(d);
  }
}

function describe(id: string): string {
  const hash = id.lastIndexOf('#');
  return `${id.slice(hash + 1)} (${id.slice(0, hash)})`;
}

function readRef(value: unknown): { service: string; file?: string } | undefined {
  if (typeof value === 'string') return { service: value };
  if (!isPlainObject(value) || typeof value.service !== 'string') return undefined;
  return typeof value.file === 'string' ? { service: value.service, file: value.file } : { service: value.service };
}
