/**
 * Interpolation of a whole parsed document (compose-semantics §3.3, §3.6): every string value is substituted,
 * keys never are; then the strings at Compose's typed paths are cast. The input is never mutated: changed
 * containers are new ones carrying the positions of the old, unchanged ones are shared, and `!reset` / `!override` markers pass through (the value
 * inside an `!override` is interpolated too).
 */
import { error, warning, type Diagnostic, type SourceLocation } from '../../diagnostics/diagnostic.js';
import { copyLocations, entryLocation } from '../../diagnostics/locations.js';
import { isOverride, isReset, OverrideTag } from '../../parse/tags.js';
import { copyFirstEntries, isPlainObject, setOwn, type PlainObject } from '../../util/objects.js';
import { CAST_ROOT, castKind, castStep, castString, type CastCursor, type CastKind } from './casts.js';
import { substitute, type Lookup } from '../../parse/template.js';

/** Options for {@link interpolateModel}. */
export interface InterpolateOptions {
  /** Where variables come from. */
  lookup: Lookup;
  /** The file shown in diagnostics. */
  file: string;
  /**
   * Called once, after the walk, when the document holds a `!reset` or `!override` marker. The walk visits every
   * node anyway, so a caller learns for free whether the document has markers to strip later.
   */
  onMarkers?: () => void;
}

/** Interpolates and casts a parsed document. */
export function interpolateModel(model: unknown, options: InterpolateOptions): { value: unknown; diagnostics: Diagnostic[] } {
  const walker = new Walker(options.lookup);
  const value = walker.node(model, undefined, '', CAST_ROOT, 0);
  if (walker.markers) options.onMarkers?.();
  return { value, diagnostics: walker.diagnostics };
}

/**
 * One walk over the document. It runs once per node of every file, mostly before V8 has optimised anything, so
 * the loops are written by hand (no callbacks, no per-node arrays or closures) and a container is copied only once
 * something inside it has changed: most of a real file holds no `$` and no typed value, and sharing it saves
 * copying both the data and its recorded positions.
 */
class Walker {
  readonly diagnostics: Diagnostic[] = [];
  readonly #warned = new Set<string>();
  /**
   * The keys and indexes from the root to the node being visited: entry `d` is the key at depth `d`, overwritten
   * as the walk moves on rather than pushed and popped, and joined only when a message needs the path.
   */
  readonly #path: (string | number)[] = [];
  /** Whether a `!reset` or `!override` marker was met. */
  markers = false;
  constructor(readonly lookup: Lookup) {}

  /**
   * Interpolates a node, the entry `key` of `parent` (undefined at the root) at `depth` keys below the root;
   * `cursor` tracks typed paths.
   */
  node(value: unknown, parent: object | undefined, key: string | number, cursor: CastCursor, depth: number): unknown {
    if (typeof value === 'string') return this.scalar(value, parent, key, castKind(cursor), depth);
    if (value === null || typeof value !== 'object') {
      if (isReset(value)) this.markers = true;
      return value;
    }
    if (Array.isArray(value)) return this.sequence(value, cursor, depth);
    if (isPlainObject(value)) return this.mapping(value, cursor, depth);
    if (!isOverride(value)) return value;
    this.markers = true;
    return new OverrideTag(this.node(value.value, parent, key, cursor, depth));
  }

  sequence(items: readonly unknown[], cursor: CastCursor, depth: number): unknown {
    let out: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      this.#path[depth] = i;
      const result = this.node(item, items, i, castStep(cursor, i), depth + 1);
      if (result === item) continue;
      out ??= items.slice();
      out[i] = result;
    }
    if (out === undefined) return items;
    copyLocations(items, out);
    return out;
  }

  mapping(map: PlainObject, cursor: CastCursor, depth: number): unknown {
    const keys = Object.keys(map);
    let out: PlainObject | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = map[key];
      this.#path[depth] = key;
      const result = this.node(value, map, key, castStep(cursor, key), depth + 1);
      if (result === value && out === undefined) continue;
      // First change: the copy takes the unchanged keys before this one, in order.
      if (out === undefined) out = copyFirstEntries(map, keys, i);
      setOwn(out, key, result);
    }
    if (out === undefined) return map;
    copyLocations(map, out);
    return out;
  }

  scalar(text: string, parent: object | undefined, key: string | number, kind: CastKind | undefined, depth: number): unknown {
    // Most strings hold no `$` and sit at no typed path: leave them without building a path string or a location.
    if (!kind && !text.includes('$')) return text;
    const where = parent ? entryLocation(parent, key) : undefined;
    const shown = () => this.#path.slice(0, depth).join('.');
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
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (this.#warned.has(name)) continue;
      this.#warned.add(name);
      this.diagnostics.push(
        warning('VARIABLE_UNSET', `The "${name}" variable is not set. Defaulting to a blank string.`, where),
      );
    }
  }
}
