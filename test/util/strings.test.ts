import { describe, expect, it } from 'vitest';
import { compareStrings, sortByString, sortStrings } from '../../src/util/strings.js';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = ['a', 'b', 'B', '-', '_', '0', '9', 'é', '\u{1f600}', '\uffff', ''];

function randomStrings(next: () => number, length: number): string[] {
  return Array.from({ length }, () => Array.from({ length: Math.floor(next() * 4) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));
}

describe('sortStrings', () => {
  it('orders as the built-in sort does, on both sides of the insertion-sort limit', () => {
    const next = random(7);
    for (const length of [0, 1, 2, 5, 15, 16, 17, 40]) {
      for (let round = 0; round < 50; round++) {
        const items = randomStrings(next, length);
        const expected = [...items].sort();
        expect(sortStrings(items)).toEqual(expected);
      }
    }
  });

  it('sorts in place and returns the same array', () => {
    const items = ['web', 'db', 'cache'];
    expect(sortStrings(items)).toBe(items);
    expect(items).toEqual(['cache', 'db', 'web']);
  });

  it('orders by UTF-16 code units, not by locale', () => {
    expect(sortStrings(['b', 'B', 'a', 'é', '\u{1f600}', '\uffff'])).toEqual(['B', 'a', 'b', 'é', '\u{1f600}', '\uffff']);
  });
});

describe('sortByString', () => {
  it('is stable and matches a comparator sort, short and long', () => {
    const next = random(11);
    for (const length of [0, 1, 3, 16, 17, 33]) {
      for (let round = 0; round < 50; round++) {
        const items = randomStrings(next, length).map((key, index) => ({ key: key.slice(0, 1), index }));
        const expected = [...items].sort((a, b) => compareStrings(a.key, b.key));
        expect(sortByString(items, (item) => item.key)).toEqual(expected);
      }
    }
  });
});
