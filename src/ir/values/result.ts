/** The result of parsing one Compose value: the value, or a message that says what is wrong with it. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** A successful parse. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A failed parse, with a message a person understands (no location: the caller adds it). */
export function fail<T = never>(message: string): Parsed<T> {
  return { ok: false, message };
}
