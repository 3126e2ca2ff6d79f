/**
 * What every normalization step shares: the project's context, the diagnostics being collected, and helpers that
 * turn loosely typed model values into typed ones, reporting (with the value's position) anything that does not
 * fit instead of throwing.
 */
import path from 'node:path';
import { error, warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { copyEntryLocation, copyLocations, entryLocation } from '../../diagnostics/locations.js';
import { isPlainObject, setOwn, type PlainObject } from '../../util/objects.js';
import type { Extensions } from '../types.js';
import { parseByteSize } from '../values/bytes.js';
import { parseDuration } from '../values/duration.js';
import type { Parsed } from '../values/result.js';

/** What the normalizer needs to know about the project. */
export interface NormalizeContext {
  /** The final, valid project name. */
  projectName: string;
  /** The absolute project directory. */
  projectDir: string;
  composeFiles: string[];
  /** The project environment (process environment and `.env`). */
  lookup: (name: string) => string | undefined;
  /** Active profiles; `*` enables every service. */
  activeProfiles: string[];
  /** Services named on the command line: their profiles are enabled. */
  enabledServices?: string[];
  /** Reads a file the project refers to, already checked against the file policy. */
  readFile: (absolutePath: string) => { ok: true; bytes: Uint8Array } | { ok: false; message: string };
  homeDir?: string;
}

/** The normalizer's running state. */
export class Normalizer {
  readonly diagnostics: Diagnostic[] = [];
  // Services of one project repeat the same paths, durations and sizes (`./config/app.conf`, `30s`, `256m`), so
  // each distinct text is worked out once. The cached results are immutable strings and parse results.
  readonly #projectPaths = new Map<string, string>();
  readonly #durations = new Map<string, Parsed<number>>();
  readonly #sizes = new Map<string, Parsed<number>>();
  constructor(readonly context: NormalizeContext) {}

  /** Reports an error at the entry `key` of `container`. */
  error(code: string, message: string, container: object, key: string | number, hint?: string): void {
    this.diagnostics.push(error(code, message, entryLocation(container, key), hint));
  }

  /** Reports a warning at the entry `key` of `container`. */
  warn(code: string, message: string, container: object, key: string | number, hint?: string): void {
    this.diagnostics.push(warning(code, message, entryLocation(container, key), hint));
  }

  /** Unwraps a parse result, reporting a failure at the entry it came from. */
  parsed<T>(result: Parsed<T>, code: string, where: string, container: object, key: string | number): T | undefined {
    if (result.ok) return result.value;
    this.invalid(code, where, result.message, container, key);
    return undefined;
  }

  /** Reports a value that did not parse, at the entry it came from; `where` names the field in the message. */
  invalid(code: string, where: string, message: string, container: object, key: string | number): void {
    this.error(code, `${where}: ${message}`, container, key);
  }

  /** {@link parseDuration}, once per distinct text. */
  duration(value: string | number): Parsed<number> {
    if (typeof value !== 'string') return parseDuration(value);
    let result = this.#durations.get(value);
    if (result === undefined) this.#durations.set(value, (result = parseDuration(value)));
    return result;
  }

  /** {@link parseByteSize}, once per distinct text. */
  byteSize(value: string | number): Parsed<number> {
    if (typeof value !== 'string') return parseByteSize(value);
    let result = this.#sizes.get(value);
    if (result === undefined) this.#sizes.set(value, (result = parseByteSize(value)));
    return result;
  }

  /** A path as stored in the IR: absolute and `~` paths as written, others relative to the project (`./x`). */
  projectPath(p: string): string {
    let stored = this.#projectPaths.get(p);
    if (stored === undefined) this.#projectPaths.set(p, (stored = storedPath(p)));
    return stored;
  }

  /** The absolute path of a path stored in the IR, for reading it. */
  absolutePath(p: string): string {
    if (p.startsWith('~')) return path.join(this.context.homeDir ?? '~', p.slice(1));
    return path.resolve(this.context.projectDir, p);
  }
}

/** See {@link Normalizer.projectPath}. */
function storedPath(p: string): string {
  if (path.posix.isAbsolute(p) || p.startsWith('~') || /^[A-Za-z]:[\\/]/.test(p)) return p;
  const normalized = path.posix.normalize(p.split('\\').join('/'));
  if (normalized === '.' || normalized === './') return '.';
  return normalized.startsWith('../') || normalized === '..' ? normalized : `./${normalized.replace(/^\.\//, '')}`;
}

/** A string from a scalar (numbers and booleans are written the way YAML wrote them). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** A list of strings from a string or a list (Compose's "string or list" fields). */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [text(value)];
  // A plain loop: this runs for several fields of every service.
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (item !== null && item !== undefined) out.push(text(item));
  }
  return out;
}

/** `x-*` keys of a mapping. */
export function extensionsOf(value: unknown): Extensions {
  const out: Extensions = {};
  if (!isPlainObject(value)) return out;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) if (isExtensionKey(keys[i]!)) setOwn(out, keys[i]!, value[keys[i]!]);
  return out;
}

/** True for an `x-*` key (a char-code test: this runs for every key of most mappings). */
export function isExtensionKey(key: string): boolean {
  return key.charCodeAt(0) === 0x78 && key.charCodeAt(1) === 0x2d;
}

/**
 * A `KEY=value` list or a mapping as a record; `nullValue` is what a bare key or null maps to.
 *
 * The helpers here run for many values of every service, so they use indexed loops: in cold code, `for...of` steps
 * an iterator object through every item.
 */
export function keyValueRecord<T>(value: unknown, nullValue: T): Record<string, string | T> {
  const out: Record<string, string | T> = {};
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const entry = text(value[i]);
      const eq = entry.indexOf('=');
      if (eq < 0) setOwn(out, entry, nullValue);
      else setOwn(out, entry.slice(0, eq), entry.slice(eq + 1));
    }
  } else if (isPlainObject(value)) {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const v = value[keys[i]!];
      setOwn(out, keys[i]!, v === null || v === undefined ? nullValue : text(v));
    }
  }
  return out;
}

/**
 * A mapping whose values are all stringified (labels, driver options, logging options). Each entry keeps where it
 * was written, so a finding about one label (a Kompose label with a bad value) points at that label.
 */
export function stringRecord(value: unknown): Record<string, string> {
  const out = keyValueRecord(value, '') as Record<string, string>;
  if (isPlainObject(value)) copyLocations(value, out);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const entry = text(value[i]);
      const eq = entry.indexOf('=');
      copyEntryLocation(value, i, out, eq < 0 ? entry : entry.slice(0, eq));
    }
  }
  return out;
}

/** The value as a plain mapping, or an empty one. */
export function mapping(value: unknown): PlainObject {
  return isPlainObject(value) ? value : {};
}

/** A number from a number or a numeric string, else undefined. */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isNaN(n) ? undefined : n;
}

/** A boolean from a boolean, else undefined. */
export function booleanFrom(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}
