/**
 * The one value class of the IR: a secret's content, kept out of every printout. Its own module so that
 * `types.ts` stays a module of types alone, and the few readers that construct or recognise a secret import it here.
 */

/**
 * A value that must never be printed: the content of a secret. Its `toJSON` and `toString` return a placeholder,
 * so a secret cannot reach a log, a report or `config` output by accident; only {@link Sensitive.reveal} gives the
 * bytes, and only an emitter asked to inline secrets calls it.
 */
export class Sensitive {
  readonly #bytes: Uint8Array;
  /** Wraps the bytes of a secret. */
  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }
  /** The secret's bytes. Call only when the user asked for the value to be written out. */
  reveal(): Uint8Array {
    return this.#bytes;
  }
  /** The size in bytes, which is safe to print. */
  get length(): number {
    return this.#bytes.length;
  }
  /** A placeholder, never the value. */
  toJSON(): string {
    return '<redacted>';
  }
  /** A placeholder, never the value. */
  toString(): string {
    return '<redacted>';
  }
  /** A placeholder for `util.inspect` and `console.log`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'Sensitive <redacted>';
  }
}
