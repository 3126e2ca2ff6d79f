/**
 * Positions beside plain data (src/diagnostics/locations.ts): records are invisible to the data, a copy shares its
 * original's positions until it records its own (copy on write, both ways), frozen containers work through the
 * fallback table, and a copy does not keep its original alive.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  copyEntryLocation,
  copyLocations,
  entryLocation,
  keyLocation,
  selfLocation,
  setEntryLocation,
  setSelfLocation,
} from '../../src/diagnostics/locations.js';

const at = (line: number, column = 1) => ({ file: 'compose.yaml', line, column });

describe('locations', () => {
  it('are invisible to keys, JSON, spreads and deep equality', () => {
    const map: Record<string, unknown> = { image: 'nginx' };
    setSelfLocation(map, at(1));
    setEntryLocation(map, 'image', at(2, 12), at(2, 5));
    expect(Object.keys(map)).toEqual(['image']);
    expect(Object.getOwnPropertySymbols(map).every((s) => !Object.getOwnPropertyDescriptor(map, s)!.enumerable)).toBe(true);
    expect(JSON.stringify(map)).toBe('{"image":"nginx"}');
    expect({ ...map }).toEqual({ image: 'nginx' });
    expect(map).toEqual({ image: 'nginx' });
    expect(entryLocation(map, 'image')).toEqual(at(2, 12));
    expect(keyLocation(map, 'image')).toEqual(at(2, 5));
    expect(entryLocation(map, 'missing')).toEqual(at(1));
  });

  it('are shared by a copy until either side records its own', () => {
    const original: Record<string, unknown> = { a: 1, b: 2 };
    setSelfLocation(original, at(1));
    setEntryLocation(original, 'a', at(2));
    setEntryLocation(original, 'b', at(3));
    const copy = { ...original };
    copyLocations(original, copy);
    expect(entryLocation(copy, 'a')).toEqual(at(2));
    setEntryLocation(copy, 'a', at(9));
    expect(entryLocation(copy, 'a')).toEqual(at(9));
    expect(entryLocation(copy, 'b')).toEqual(at(3));
    expect(entryLocation(original, 'a')).toEqual(at(2));
    setEntryLocation(original, 'b', at(8));
    expect(entryLocation(copy, 'b')).toEqual(at(3));
    expect(selfLocation(copy)).toEqual(at(1));
  });

  it('move entry by entry into a new container', () => {
    const from = { name: 'web' };
    setEntryLocation(from, 'name', at(4, 9), at(4, 3));
    const to = {};
    copyEntryLocation(from, 'name', to, 'service');
    expect(entryLocation(to, 'service')).toEqual(at(4, 9));
  });

  it('work on frozen containers', () => {
    const frozen = Object.freeze({ x: 1 });
    setEntryLocation(frozen, 'x', at(5));
    expect(entryLocation(frozen, 'x')).toEqual(at(5));
    const copy = Object.freeze({ x: 1 });
    copyLocations(frozen, copy);
    expect(entryLocation(copy, 'x')).toEqual(at(5));
    const thawed = { x: 1 };
    copyLocations(frozen, thawed);
    setEntryLocation(thawed, 'x', at(6));
    expect(entryLocation(thawed, 'x')).toEqual(at(6));
    expect(entryLocation(frozen, 'x')).toEqual(at(5));
  });

  it('do not keep the original of a copy alive', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const copy: Record<string, unknown> = {};
    const ref = (() => {
      const original: Record<string, unknown> = { big: new Array(10_000).fill('x') };
      setEntryLocation(original, 'big', at(7));
      copyLocations(original, copy);
      return new WeakRef(original);
    })();
    // A WeakRef target stays alive until the current job ends; collect after that.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(ref.deref()).toBeUndefined();
    expect(entryLocation(copy, 'big')).toEqual(at(7));
  });
});
