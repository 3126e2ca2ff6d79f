/**
 * Positions beside plain data (src/diagnostics/locations.ts): records are invisible to the data, a copy shares its
 * original's positions until it records its own (copy on write, both ways), frozen containers work through the
 * fallback table, a copy does not keep its original alive, packed positions keep their file wherever they are
 * copied, and large records find their entries through an index.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  copyEntryLocation,
  copyLocations,
  entryLocation,
  hasEntryLocation,
  keyLocation,
  packPosition,
  RecordBuilder,
  recordedEntry,
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

  it('stay shared until either side writes, whichever writes first', () => {
    const original: Record<string, unknown> = { a: 1 };
    setEntryLocation(original, 'a', at(2));
    const copy = { ...original };
    copyLocations(original, copy);
    setEntryLocation(original, 'a', at(5));
    expect(entryLocation(copy, 'a')).toEqual(at(2));
    expect(entryLocation(original, 'a')).toEqual(at(5));
  });

  it('find and overwrite entries in large records', () => {
    const map: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) setEntryLocation(map, `k${i}`, at(i + 1, 7), at(i + 1, 3));
    expect(entryLocation(map, 'k37')).toEqual(at(38, 7));
    setEntryLocation(map, 'k37', at(99, 9));
    setEntryLocation(map, 'k50', at(100, 4));
    expect(entryLocation(map, 'k37')).toEqual(at(99, 9));
    expect(keyLocation(map, 'k37')).toEqual(at(38, 3));
    expect(entryLocation(map, 'k50')).toEqual(at(100, 4));
    expect(hasEntryLocation(map, 'k49')).toBe(true);
    expect(hasEntryLocation(map, 'k51')).toBe(false);
  });

  it('pack small positions and keep large ones whole', () => {
    expect(packPosition('a.yaml', 3, 5)).toBeTypeOf('number');
    expect(packPosition('a.yaml', 2 ** 20, 5)).toEqual({ file: 'a.yaml', line: 2 ** 20, column: 5 });
    expect(packPosition('a.yaml', 3, 5000)).toEqual({ file: 'a.yaml', line: 3, column: 5000 });
  });

  it('are built by a parser at their exact size, nested containers included', () => {
    const builder = new RecordBuilder('a.yaml');
    const outer: Record<string, unknown> = {};
    const outerMark = builder.open(packPosition('a.yaml', 1, 1));
    const inner: unknown[] = ['x', 'y'];
    const innerMark = builder.open(packPosition('a.yaml', 2, 5));
    builder.entry(0, packPosition('a.yaml', 2, 7), undefined);
    builder.entry(1, { file: 'a.yaml', line: 3, column: 4000 }, undefined);
    builder.close(inner, innerMark);
    builder.entry('list', packPosition('a.yaml', 2, 5), packPosition('a.yaml', 1, 1));
    const source: Record<string, unknown> = { merged: true };
    setEntryLocation(source, 'merged', { file: 'b.yaml', line: 8, column: 2 }, { file: 'b.yaml', line: 8, column: 1 });
    builder.entryFrom(source, 'merged');
    builder.close(outer, outerMark);
    expect(selfLocation(outer)).toEqual({ file: 'a.yaml', line: 1, column: 1 });
    expect(recordedEntry(outer, 'list')).toEqual({ value: { file: 'a.yaml', line: 2, column: 5 }, key: { file: 'a.yaml', line: 1, column: 1 } });
    expect(recordedEntry(outer, 'merged')).toEqual({ value: { file: 'b.yaml', line: 8, column: 2 }, key: { file: 'b.yaml', line: 8, column: 1 } });
    expect(entryLocation(inner, 1)).toEqual({ file: 'a.yaml', line: 3, column: 4000 });
    expect(entryLocation(inner, 0)).toEqual({ file: 'a.yaml', line: 2, column: 7 });
  });

  it('keep their file when copied into a record of another file', () => {
    const builder = new RecordBuilder('base.yaml');
    const base: Record<string, unknown> = { image: 'x' };
    const mark = builder.open(packPosition('base.yaml', 1, 1));
    builder.entry('image', packPosition('base.yaml', 2, 10), packPosition('base.yaml', 2, 3));
    builder.close(base, mark);
    const overBuilder = new RecordBuilder('override.yaml');
    const merged: Record<string, unknown> = { ports: [] };
    const overMark = overBuilder.open(packPosition('override.yaml', 1, 1));
    overBuilder.entry('ports', packPosition('override.yaml', 4, 9), packPosition('override.yaml', 4, 3));
    overBuilder.close(merged, overMark);
    copyEntryLocation(base, 'image', merged);
    expect(entryLocation(merged, 'image')).toEqual({ file: 'base.yaml', line: 2, column: 10 });
    expect(keyLocation(merged, 'image')).toEqual({ file: 'base.yaml', line: 2, column: 3 });
    expect(entryLocation(merged, 'ports')).toEqual({ file: 'override.yaml', line: 4, column: 9 });
    const fresh = {};
    copyLocations(base, fresh);
    copyLocations(merged, fresh);
    expect(entryLocation(fresh, 'ports')).toEqual({ file: 'override.yaml', line: 4, column: 9 });
    expect(entryLocation(fresh, 'image')).toEqual({ file: 'base.yaml', line: 2, column: 10 });
  });
});
