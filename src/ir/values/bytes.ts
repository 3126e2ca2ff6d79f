/**
 * Byte sizes as Compose reads them (compose-semantics §13 "byte sizes"): an integer is bytes; otherwise a decimal
 * number, an optional space and a binary suffix (`k`, `m`, `g`, `t`, `p`, each optionally followed by `b` or `ib`),
 * so `512m` is 536870912 and `1GiB` is 1073741824.
 */
import { fail, ok, type Parsed } from './result.js';

const SUFFIX: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
const SIZE = /^(\d+(?:\.\d+)?|\.\d+) ?([kmgtp]?)(i?b)?$/i;

/** Parses a byte size into a whole number of bytes (`-1` is kept: it means unlimited where Compose allows it). */
export function parseByteSize(input: string | number): Parsed<number> {
  if (typeof input === 'number') return Number.isInteger(input) ? ok(input) : fail(`invalid size ${input}: not a whole number of bytes`);
  const text = input.trim();
  if (/^-?\d+$/.test(text)) return ok(Number(text));
  const m = SIZE.exec(text);
  if (!m || (m[3] && m[3].toLowerCase() === 'ib' && !m[2])) {
    return fail(`invalid size "${input}" (write bytes, or a number with b, k, m, g, t or p, as in 512m)`);
  }
  return ok(Math.floor(Number(m[1]) * SUFFIX[m[2]!.toLowerCase()]!));
}
