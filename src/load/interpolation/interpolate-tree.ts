/**
 * Interpolation of a whole parsed document (compose-semantics §3.3, §3.6): every string value is substituted,
 * keys never are; then the strings at Compose's typed paths are cast. The input is never mutated: changed
 * containers are new ones carrying the positions of the old, unchanged ones are shared, and `!reset` / `!override` markers pass through (the value
 * inside an `!override` is interpolated too).
 */
import { error, warning, type Diagnostic, type SourceLocation } from '../../diagnostics/diagnostic.js';
import { copyLocations, entryLocation } from '../../diagnostics/locations.js';
import { isOverride, OverrideTag } from '../../parse/tags.js';
import { isPlainObject } from '../../util/objects.js';
import { CAST_ROOT, castKind, castStep, castString, type CastCursor, type CastKind } from './casts.js';
import { substitute, type Lookup } from './template.js';

/** Options for {@link interpolateModel}. */
export interface InterpolateOptions {
  /** Where variables come from. */
  lookup: Lookup;
  /** The file shown in diagnostics. */
  file: string;
}

/** Interpolates and casts a parsed document. */
export function interpolateModel(model: unknown, options: InterpolateOptions): { value: unknown; diagnostics: Diagnostic[] } {
  const walker = new Walker(options.lookup);
  const value = walker.node(model, undefined, '', CAST_ROOT);
  return { value, diagnostics: walker.diagnostics };
}

class Walker {
  readonly diagnostics: Diagnostic[] = [];
  readonly #warned = new Set<string>();
  /** The keys and indexes from the root to the node being visited; joined only when a message needs it. */
  readonly #path: (string | number)[] = [];
  constructor(readonly lookup: Lookup) {}

  /** Interpolates a node, the entry `key` of `parent` (undefined at the root); `cursor` tracks typed paths. */
  node(value: unknown, parent: object | undefined, key: string | number, cursor: CastCursor): unknown {
    if (typeof value === 'string') return this.scalar(value, parent, key, castKind(cursor));
    // Containers are copied only when something inside them changed; most of a real file holds no `$` and no typed
    // value, and sharing it saves copying both the data and its recorded positions.
    if (Array.isArray(value)) {
      const items = value.map((item, i) => this.child(item, value, i, cursor));
      if (items.every((item, i) => item === value[i])) return value;
      copyLocations(value, items);
      return items;
    }
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      const values = keys.map((k) => this.child(value[k], value, k, cursor));
      if (values.every((v, i) => v === value[keys[i]!])) return value;
      // fromEntries defines own keys (safe for `__proto__`) and is much faster than one defineProperty per key.
      const out = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
      copyLocations(value, out);
      return out;
    }
    if (isOverride(value)) return new OverrideTag(this.node(value.value, parent, key, cursor));
    return value;
  }

  child(value: unknown, parent: object, key: string | number, cursor: CastCursor): unknown {
    this.#path.push(key);
    const out = this.node(value, parent, key, castStep(cursor, key));
    this.#path.pop();
    return out;
  }

  scalar(text: string, parent: object | undefined, key: string | number, kind: CastKind | undefined): unknown {
    // Most strings hold no `$` and sit at no typed path: leave them without building a path string or a location.
    if (!kind && !text.includes('$')) return text;
    const where = parent ? entryLocation(parent, key) : undefined;
    const shown = () => this.#path.join('.');
    const result = substitute(text, this.lookup);
    if (!result.ok) {
      this.diagnostics.push(
        result.kind === 'required'
          ? error('INTERPOLATION_REQUIRED', `error while interpolating ${shown()}: ${result.message}`, where)
          : error(
              'INTERPOLATION_INVALID',
              `invalid interpolation format for ${shown()}: "${text}"`,
              where,
              'you may need to escape any $ with another $ ($$)',
            ),
      );
      return text;
    }
    this.warnUnset(result.unset, where);
    if (!kind) return result.value;
    const cast = castString(result.value, kind);
    if (!cast.ok) {
      this.diagnostics.push(error('INTERPOLATION_CAST', `${shown()}: failed to cast to expected type: ${cast.message}`, where));
      return result.value;
    }
    if (cast.warning) this.diagnostics.push(warning('BOOLEAN_YAML11', `${shown()}: ${cast.warning}`, where));
    return cast.value;
  }

  /** Warns once per variable (per document), at its first use, as Compose does. */
  warnUnset(names: readonly string[], where: SourceLocation | undefined): void {
    for (const name of names) {
      if (this.#warned.has(name)) continue;
      this.#warned.add(name);
      this.diagnostics.push(
        warning('VARIABLE_UNSET', `The "${name}" variable is not set. Defaulting to a blank string.`, where),
      );
    }
  }
}
