import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/util/sha256.js';

/** Deterministic bytes (a linear congruential sequence), so a failure repeats. */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const reference = (input: Uint8Array | string) => createHash('sha256').update(input).digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 digests of "" and "abc"', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it("equals node:crypto's digest for every length from 0 to 300 bytes (every padding case)", () => {
    for (let length = 0; length <= 300; length++) expect(sha256Hex(bytes(length, length)), `length ${length}`).toBe(reference(bytes(length, length)));
  });

  it("equals node:crypto's digest for a 1 MiB buffer and for non-ASCII text (hashed as UTF-8)", () => {
    const big = bytes(1 << 20, 7);
    expect(sha256Hex(big)).toBe(reference(big));
    const text = 'pässwörd ✓ 🔑\n';
    expect(sha256Hex(text)).toBe(reference(text));
  });
});
