/**
 * Schema validation of the merged model against stackport's own Compose schema (schemas/compose-spec.schema.json),
 * with a validator compiled ahead of time. Like Compose, one error is reported per document: the most specific
 * one (the deepest path; an unknown key counts one level deeper), in Compose's wording, at the position where the
 * offending value or key was written.
 */
import type { ErrorObject } from 'ajv';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keyLocation, locatePath } from '../diagnostics/locations.js';
import { valueAt } from '../util/objects.js';
import { validate } from './generated/compose-validator.js';

/** Validates a merged Compose model; returns at most one error, as Compose does. */
export function validateComposeModel(model: unknown): Diagnostic[] {
  if (validate(model)) return [];
  const best = mostSpecific(validate.errors ?? []);
  if (!best) return [error('SCHEMA_INVALID', 'the compose file does not match the Compose schema')];
  const { segments, unknownKey, location } = placeError(model, [], best);
  const where = segments.join('.');
  return [error('SCHEMA_INVALID', `${where === '' ? '' : `${where} `}${describe(best)}`, location, hintFor(model, segments, unknownKey))];
}

/**
 * Where an ajv error points in `model`, for a validator that ran on the value at `base`: the path's segments, the
 * unknown key when the error is one, and the position of that key or of the offending value.
 */
export function placeError(model: unknown, base: readonly string[], e: ErrorObject) {
  const segments = [...base, ...e.instancePath.split('/').slice(1).map(unescapePointer)];
  const unknownKey = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
  const location = unknownKey !== undefined ? keyAt(model, segments, unknownKey) : locatePath(model, segments);
  return { segments, unknownKey, location };
}

/** The error to report among ajv's: the deepest path (an unknown key counts one level deeper), no combinators. */
export function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  let bestDepth = -1;
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const depth = (e.instancePath === '' ? 0 : e.instancePath.split('/').length - 1) + (e.keyword === 'additionalProperties' ? 1 : 0);
    if (depth > bestDepth) {
      best = e;
      bestDepth = depth;
    }
  }
  return best ?? errors[0];
}

/** An ajv error in Compose's wording. */
export function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${typeList(Array.isArray(p.type) ? (p.type as string[]) : String(p.type).split(','))}`;
    case 'additionalProperties':
      return `additional properties '${String(p.additionalProperty)}' not allowed`;
    case 'required':
      return `missing property '${String(p.missingProperty)}'`;
    case 'enum':
      return `value must be one of ${(p.allowedValues as unknown[]).map((v) => `'${String(v)}'`).join(', ')}`;
    case 'pattern':
      return `does not match pattern '${String(p.pattern)}'`;
    case 'uniqueItems':
      return `items at ${String(p.j)} and ${String(p.i)} are equal`;
    case 'minimum':
      return `must be greater than or equal to ${String(p.limit)}`;
    case 'maximum':
      return `must be less than or equal to ${String(p.limit)}`;
    default:
      return e.message ?? 'is invalid';
  }
}

const TYPE_WORDS: Record<string, string> = { object: 'mapping', array: 'list' };

/** `must be a string`, `must be a boolean, null, number or string` (sorted, as Compose words it). */
function typeList(types: string[]): string {
  const words = [...new Set(types.map((t) => TYPE_WORDS[t] ?? t))].sort();
  const phrase = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  return `${/^[aeiou]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function hintFor(model: unknown, segments: readonly string[], unknownKey: string | undefined): string | undefined {
  if (unknownKey === undefined) return undefined;
  const value = segments.length === 0 && model !== null && typeof model === 'object' ? (model as Record<string, unknown>)[unknownKey] : undefined;
  if (value !== null && typeof value === 'object' && ('image' in value || 'build' in value)) {
    return `this looks like the legacy Compose format v1, which Compose no longer reads: move "${unknownKey}" and the other services under a top-level services: key`;
  }
  return 'remove it, or prefix it with x- to keep it as an extension';
}

function keyAt(model: unknown, segments: string[], key: string) {
  const container = valueAt(model, segments);
  return (container !== null && typeof container === 'object' ? keyLocation(container, key) : undefined) ?? locatePath(model, segments);
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
