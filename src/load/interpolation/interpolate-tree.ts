/**
 * Interpolation of a whole parsed document (compose-semantics §3.3, §3.6): every string value is substituted,
 * keys never are; then the strings at Compose's typed paths are cast. The input is never mutated: new containers
 * are returned with the positions of the old ones, and `!reset` / `!override` markers pass through (the value
 * inside an `!override` is interpolated too).
 */
import { error, warning, type Diagnostic, type SourceLocation } from '../../diagnostics/diagnostic.js';
import { copyLocations, entryLocation } from '../../diagnostics/locations.js';
import { isOverride, OverrideTag } from '../../parse/tags.js';
import { isPlainObject, setOwn } from '../../util/objects.js';
import { castAt, castString } from './casts.js';
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
  const value = walker.node(model, [], undefined, '');
  return { value, diagnostics: walker.diagnostics };
}

type Path = (string | number)[];

class Walker {
  readonly diagnostics: Diagnostic[] = [];
  readonly #warned = new Set<string>();
  constructor(readonly lookup: Lookup) {}

  /** Interpolates the node at `path`, the entry `key` of `parent` (undefined at the root). */
  node(value: unknown, path: Path, parent: object | undefined, key: string | number): unknown {
    if (typeof value === 'string') return this.scalar(value, path, parent, key);
    if (Array.isArray(value)) {
      const out = value.map((item, i) => this.node(item, [...path, i], value, i));
      copyLocations(value, out);
      return out;
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value)) setOwn(out, k, this.node(value[k], [...path, k], value, k));
      copyLocations(value, out);
      return out;
    }
    if (isOverride(value)) return new OverrideTag(this.node(value.value, path, parent, key));
    return value;
  }

  scalar(text: string, path: Path, parent: object | undefined, key: string | number): unknown {
    const kind = castAt(path);
    // Most strings hold no `$` and sit at no typed path: leave them without building a path string or a location.
    if (!kind && !text.includes('$')) return text;
    const where = parent ? entryLocation(parent, key) : undefined;
    const shown = () => path.join('.');
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
