/**
 * What every normalization step shares: the project's context, the diagnostics being collected, and helpers that
 * turn loosely typed model values into typed ones, reporting (with the value's position) anything that does not
 * fit instead of throwing.
 */
import path from 'node:path';
import { error, warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { entryLocation } from '../../diagnostics/locations.js';
import { isPlainObject, setOwn, type PlainObject } from '../../util/objects.js';
import type { Extensions } from '../types.js';
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
    this.error(code, `${where}: ${result.message}`, container, key);
    return undefined;
  }

  /** A path as stored in the IR: absolute and `~` paths as written, others relative to the project (`./x`). */
  projectPath(p: string): string {
    if (path.posix.isAbsolute(p) || p.startsWith('~') || /^[A-Za-z]:[\\/]/.test(p)) return p;
    const normalized = path.posix.normalize(p.split('\\').join('/'));
    if (normalized === '.' || normalized === './') return '.';
    return normalized.startsWith('../') || normalized === '..' ? normalized : `./${normalized.replace(/^\.\//, '')}`;
  }

  /** The absolute path of a path stored in the IR, for reading it. */
  absolutePath(p: string): string {
    if (p.startsWith('~')) return path.join(this.context.homeDir ?? '~', p.slice(1));
    return path.resolve(this.context.projectDir, p);
  }
}

/** A string from a scalar (numbers and booleans are written the way YAML wrote them). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** A list of strings from a string or a list (Compose's "string or list" fields). */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(text);
  return [text(value)];
}

/** `x-*` keys of a mapping. */
export function extensionsOf(value: unknown): Extensions {
  const out: Extensions = {};
  if (!isPlainObject(value)) return out;
  for (const key of Object.keys(value)) if (key.startsWith('x-')) setOwn(out, key, value[key]);
  return out;
}

/** A `KEY=value` list or a mapping as a record; `nullValue` is what a bare key or null maps to. */
export function keyValueRecord<T>(value: unknown, nullValue: T): Record<string, string | T> {
  const out: Record<string, string | T> = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      const entry = text(item);
      const eq = entry.indexOf('=');
      if (eq < 0) setOwn(out, entry, nullValue);
      else setOwn(out, entry.slice(0, eq), entry.slice(eq + 1));
    }
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const v = value[key];
      setOwn(out, key, v === null || v === undefined ? nullValue : text(v));
    }
  }
  return out;
}

/** A mapping whose values are all stringified (labels, driver options, logging options). */
export function stringRecord(value: unknown): Record<string, string> {
  return keyValueRecord(value, '') as Record<string, string>;
}

/** The value as a plain mapping, or an empty one. */
export function mapping(value: unknown): PlainObject {
  return isPlainObject(value) ? value : {};
}

/** A number from a number or a numeric string, else undefined. */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** A boolean from a boolean, else undefined. */
export function booleanFrom(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}
