import { describe, expect, it } from 'vitest';
import { emptyRecord, isPlainObject, setOwn } from '../../src/util/objects.js';

describe('emptyRecord', () => {
  it('is an empty plain object with the ordinary prototype', () => {
    const record = emptyRecord<number>();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(isPlainObject(record)).toBe(true);
    expect(Object.keys(record)).toEqual([]);
    expect(JSON.stringify(record)).toBe('{}');
  });

  it('keeps keys in insertion order, integer-like keys first, like any object', () => {
    const record = emptyRecord<number>();
    for (const [key, value] of [['web', 1], ['db', 2], ['10', 3], ['__proto__', 4], ['2', 5]] as const) setOwn(record, key, value);
    const literal: Record<string, number> = {};
    for (const [key, value] of [['web', 1], ['db', 2], ['10', 3], ['__proto__', 4], ['2', 5]] as const) setOwn(literal, key, value);
    expect(Object.keys(record)).toEqual(['2', '10', 'web', 'db', '__proto__']);
    expect(Object.keys(record)).toEqual(Object.keys(literal));
    expect(record).toEqual(literal);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });

  it('returns a new object every time', () => {
    const a = emptyRecord<number>();
    a.x = 1;
    expect(emptyRecord<number>()).toEqual({});
  });
});
