/**
 * Compose's two custom YAML tags, kept as values in the parsed data so that the merge stage can apply them.
 *
 * - `key: !reset ...` removes `key` from the model built so far, and this document's value is dropped.
 * - `key: !override value` removes `key` from the model built so far, then this document's value replaces it.
 */

/** The value of a node tagged `!reset`. One shared instance; compare with `===` or {@link isReset}. */
export const RESET: unique symbol = Symbol('!reset');

/** The type of {@link RESET}. */
export type ResetTag = typeof RESET;

/** A node tagged `!override`, wrapping the plain value written after the tag. */
export class OverrideTag {
  /** Wraps the value that replaces the base value whole. */
  constructor(readonly value: unknown) {}
}

/** True for the `!reset` marker. */
export function isReset(value: unknown): value is ResetTag {
  return value === RESET;
}

/** True for an `!override` wrapper. */
export function isOverride(value: unknown): value is OverrideTag {
  return value instanceof OverrideTag;
}
