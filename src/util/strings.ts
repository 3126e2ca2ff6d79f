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

/** Arrays up to this long are sorted by insertion rather than by the built-in sort. */
const INSERTION_SORT_LIMIT = 16;

/**
 * Sorts strings in place by UTF-16 code units (the order of {@link compareStrings} and of the built-in sort without
 * a comparator) and returns the array.
 *
 * Most arrays sorted per service hold a handful of names. V8's built-in sort sets up about a kilobyte of merge
 * state on every call, whatever the length: on a 1000-service conversion that was 3.6 MB of the emitter's 20 MB
 * of garbage, and a few times slower than an insertion sort for five names. Short arrays are sorted by insertion,
 * allocating nothing; longer ones by the built-in sort. Both are stable.
 */
export function sortStrings(items: string[]): string[] {
  if (items.length > INSERTION_SORT_LIMIT) return items.sort();
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && items[j]! > item) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** Sorts `items` in place by the string `keyOf` gives each, as {@link sortStrings} sorts strings; stable. */
export function sortByString<T>(items: T[], keyOf: (item: T) => string): T[] {
  if (items.length > INSERTION_SORT_LIMIT) return items.sort((a, b) => compareStrings(keyOf(a), keyOf(b)));
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    const key = keyOf(item);
    let j = i - 1;
    while (j >= 0 && keyOf(items[j]!) > key) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** Names of a record in a stable order (code-point order, not locale order). */
export function sortedNames(record: Record<string, unknown>): string[] {
  // Emitters sort several small records of every service; see sortStrings for why not the built-in sort.
  return sortStrings(Object.keys(record));
}
