/**
 * Relative paths in an included or extended file are relative to that file's own directory, but the normalizer
 * resolves every relative path against the project directory. Before such a model is merged into the project,
 * each relative path in it is rewritten to be relative to the project directory instead (compose-semantics §9,
 * §10, §15). Only the fields Compose resolves are touched.
 */
import path from 'node:path';
import { copyLocations } from '../diagnostics/locations.js';
import { isPlainObject, setOwn, type PlainObject } from '../util/objects.js';

const REMOTE = /^(?:[a-z]+:\/\/|service:|github\.com\/|git@|docker-image:\/\/)/i;

/** Rewrites `p`, relative to `fromDir`, to be relative to `projectDir` (POSIX, starting `./` or `../`). */
export function rebasePath(p: string, fromDir: string, projectDir: string): string {
  if (p === '' || path.isAbsolute(p) || p.startsWith('~') || /^[A-Za-z]:[\\/]/.test(p) || REMOTE.test(p)) return p;
  const rel = path.relative(projectDir, path.resolve(fromDir, p)).split(path.sep).join('/');
  if (rel === '') return '.';
  return rel.startsWith('..') ? rel : `./${rel}`;
}

/** Rebases every resolvable relative path of a whole model (services and top-level secrets/configs). */
export function rebaseModelPaths(model: unknown, fromDir: string, projectDir: string): unknown {
  if (!isPlainObject(model) || path.resolve(fromDir) === path.resolve(projectDir)) return model;
  const rebase = (p: string) => rebasePath(p, fromDir, projectDir);
  let out = model;
  if (isPlainObject(model.services)) {
    out = withKey(out, 'services', mapValues(model.services, (s) => rebaseService(s, rebase)));
  }
  for (const kind of ['secrets', 'configs'] as const) {
    const resources = model[kind];
    if (isPlainObject(resources)) {
      out = withKey(out, kind, mapValues(resources, (r) => (isPlainObject(r) ? rewriteString(r, 'file', rebase) : r)));
    }
  }
  return out;
}

/** Rebases the relative paths of one service definition. */
export function rebaseService(service: unknown, rebase: (p: string) => string): unknown {
  if (!isPlainObject(service)) return service;
  let s: PlainObject = service;
  if (typeof s.build === 'string') s = withKey(s, 'build', rebaseContext(s.build, rebase));
  else if (isPlainObject(s.build)) s = withKey(s, 'build', rebaseBuild(s.build, rebase));
  if (s.env_file !== undefined) s = withKey(s, 'env_file', rebaseEnvFiles(s.env_file, rebase));
  if (typeof s.label_file === 'string') s = withKey(s, 'label_file', rebase(s.label_file));
  else if (Array.isArray(s.label_file)) s = withKey(s, 'label_file', mapItems(s.label_file, (f) => (typeof f === 'string' ? rebase(f) : f)));
  if (isPlainObject(s.extends)) s = withKey(s, 'extends', rewriteString(s.extends, 'file', rebase));
  if (Array.isArray(s.volumes)) s = withKey(s, 'volumes', mapItems(s.volumes, (v) => rebaseVolume(v, rebase)));
  if (isPlainObject(s.develop) && Array.isArray(s.develop.watch)) {
    const watch = mapItems(s.develop.watch, (w) => (isPlainObject(w) ? rewriteString(w, 'path', rebase) : w));
    s = withKey(s, 'develop', withKey(s.develop, 'watch', watch));
  }
  return s;
}

function rebaseContext(context: string, rebase: (p: string) => string): string {
  return REMOTE.test(context) ? context : rebase(context);
}

function rebaseBuild(build: PlainObject, rebase: (p: string) => string): PlainObject {
  let b = build;
  if (typeof b.context === 'string') b = withKey(b, 'context', rebaseContext(b.context, rebase));
  else b = withKey(b, 'context', rebase('.'));
  if (isPlainObject(b.additional_contexts)) {
    b = withKey(b, 'additional_contexts', mapValues(b.additional_contexts, (v) => (typeof v === 'string' ? rebaseContext(v, rebase) : v)));
  } else if (Array.isArray(b.additional_contexts)) {
    b = withKey(b, 'additional_contexts', mapItems(b.additional_contexts, (v) => rebaseAssignment(v, rebaseContextFn(rebase))));
  }
  if (isPlainObject(b.ssh)) {
    b = withKey(b, 'ssh', mapValues(b.ssh, (v) => (typeof v === 'string' ? rebase(v) : v)));
  } else if (Array.isArray(b.ssh)) {
    b = withKey(b, 'ssh', mapItems(b.ssh, (v) => rebaseAssignment(v, rebase)));
  }
  return b;
}

function rebaseContextFn(rebase: (p: string) => string): (p: string) => string {
  return (p) => rebaseContext(p, rebase);
}

/** `key=path` list entries: rebase the part after the first `=`. */
function rebaseAssignment(entry: unknown, rebase: (p: string) => string): unknown {
  if (typeof entry !== 'string') return entry;
  const eq = entry.indexOf('=');
  return eq < 0 ? entry : `${entry.slice(0, eq + 1)}${rebase(entry.slice(eq + 1))}`;
}

function rebaseEnvFiles(value: unknown, rebase: (p: string) => string): unknown {
  if (typeof value === 'string') return rebase(value);
  if (!Array.isArray(value)) return value;
  return mapItems(value, (item) =>
    typeof item === 'string' ? rebase(item) : isPlainObject(item) ? rewriteString(item, 'path', rebase) : item,
  );
}

function rebaseVolume(volume: unknown, rebase: (p: string) => string): unknown {
  if (typeof volume === 'string') {
    if (!volume.startsWith('.')) return volume;
    const colon = volume.indexOf(':');
    return colon < 0 ? volume : `${rebase(volume.slice(0, colon))}${volume.slice(colon)}`;
  }
  if (isPlainObject(volume) && volume.type === 'bind' && typeof volume.source === 'string') {
    return rewriteString(volume, 'source', rebase);
  }
  return volume;
}

function rewriteString(obj: PlainObject, key: string, rebase: (p: string) => string): PlainObject {
  const value = obj[key];
  return typeof value === 'string' ? withKey(obj, key, rebase(value)) : obj;
}

/** A shallow copy of `obj` with `key` set, keeping every recorded position. */
function withKey(obj: PlainObject, key: string, value: unknown): PlainObject {
  if (obj[key] === value) return obj;
  const copy: PlainObject = {};
  for (const k of Object.keys(obj)) setOwn(copy, k, obj[k]);
  setOwn(copy, key, value);
  copyLocations(obj, copy);
  return copy;
}

function mapValues(obj: PlainObject, fn: (v: unknown) => unknown): PlainObject {
  const copy: PlainObject = {};
  for (const k of Object.keys(obj)) setOwn(copy, k, fn(obj[k]));
  copyLocations(obj, copy);
  return copy;
}

function mapItems(items: unknown[], fn: (v: unknown) => unknown): unknown[] {
  const copy = items.map(fn);
  copyLocations(items, copy);
  return copy;
}
