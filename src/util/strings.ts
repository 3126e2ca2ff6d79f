/**
 * String ordering for output that must be the same on every machine.
 */

/**
 * Orders strings by UTF-16 code units, as JavaScript's `<` does: independent of the locale (unlike
 * `localeCompare`), so sorted keys, objects and diagnostics come out in the same order everywhere.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
