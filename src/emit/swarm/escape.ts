/**
 * `docker stack deploy` interpolates the stack file again. stackport writes fully resolved values, so every `$`
 * left in a value is literal and is written as `$$`. Keys are never interpolated and stay as they are.
 */

/** A copy of `value` with every `$` in string values doubled. Strings stay strings, so the copy has `value`'s type. */
export function escapeDollars<T>(value: T): T {
  return escapeValue(value) as T;
}

function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('$') ? value.replace(/\$/g, '$$$$') : value;
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: escapeValue(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
