import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, diffJson } from '../../src/render/json-patch.js';

describe('diffJson / applyJsonPatch', () => {
  it('produces minimal operations for mappings and equal-length sequences', () => {
    const from = { spec: { replicas: 1, template: { containers: [{ image: 'a', env: [{ name: 'X', value: '1' }] }] } }, gone: 1 };
    const to = { spec: { replicas: 3, template: { containers: [{ image: 'b', env: [{ name: 'X', value: '1' }] }] } }, added: 'y' };
    expect(diffJson(from, to)).toEqual([
      { op: 'add', path: '/added', value: 'y' },
      { op: 'remove', path: '/gone' },
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'replace', path: '/spec/template/containers/0/image', value: 'b' },
    ]);
  });

  it('replaces a sequence whose length changed', () => {
    expect(diffJson({ a: [1, 2] }, { a: [1, 2, 3] })).toEqual([{ op: 'replace', path: '/a', value: [1, 2, 3] }]);
  });

  it('escapes keys with / and ~ (annotation keys)', () => {
    const ops = diffJson({ m: {} }, { m: { 'app.kubernetes.io/name': 'x', 'a~b': 'y' } });
    expect(ops.map((o) => o.path)).toEqual(['/m/app.kubernetes.io~1name', '/m/a~0b']);
    expect(applyJsonPatch({ m: {} }, ops)).toEqual({ m: { 'app.kubernetes.io/name': 'x', 'a~b': 'y' } });
  });

  it('round-trips: applying diff(a, b) to a gives b, for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(applyJsonPatch(a, diffJson(a, b))).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it('treats keys named like Object.prototype members as ordinary keys (fuzz regression)', () => {
    expect(applyJsonPatch({ toString: 0 }, diffJson({ toString: 0 }, {}))).toEqual({});
    expect(applyJsonPatch({}, diffJson({}, { constructor: 1 }))).toEqual({ constructor: 1 });
  });

  it('does not mutate its input', () => {
    const from = { a: { b: 1 } };
    applyJsonPatch(from, [{ op: 'replace', path: '/a/b', value: 2 }]);
    expect(from).toEqual({ a: { b: 1 } });
  });
});
