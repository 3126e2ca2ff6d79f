/**
 * stackport's YAML printer: whatever it prints, a YAML 1.2 reader and a YAML 1.1 reader (as Kubernetes and older
 * tools read) both read back as the same data. Checked on awkward strings chosen by hand and on arbitrary JSON
 * values, and its output style is pinned by a few exact examples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sortKeysDeep, toYaml } from '../../src/render/yaml.js';

const AWKWARD = [
  '', ' ', 'yes', 'No', 'on', 'OFF', 'y', 'n', '~', 'null', 'NULL', 'true', 'False', '0755', '0o17', '0x1F', '0b101',
  '1_000', '12:30', '190:20:30', '1.5', '.5', '1e3', '-1', '+1', '.inf', '-.Inf', '.nan', '2024-01-31', '2024-1-5 10:00',
  '<<', '=', '-', '- x', '-x', '--flag', '?', '? x', ':', ':x', 'a: b', 'a:b', 'a #b', 'a#b', '#x', '&a', '*a', '!tag',
  '|', '>', "'", '"', '%x', '@x', '`x', '[a]', '{a}', ',', 'a,b', '---', '...', '--- x', 'x ', ' x', '\t', 'a\tb',
  'line\n', 'two\nlines', 'two\nlines\n', 'trailing\n\n', '\nleading', ' indented\nblock', 'tab\tin\nblock',
  'space \nbefore break', 'cr\r\nlf', 'nel\u0085x', 'ls\u2028x', 'del\u007fx', 'bom\ufeffx', 'emoji 🎉', 'lone \ud800',
  'é', 'x'.repeat(300), '$(VAR) ${VAR}', 'http://host:80/path', 'C:\\path', 'key=value', 'a: ', '0', '00', '08', '1:60',
];

function readsBack(value: unknown): void {
  const text = toYaml(value);
  const expected = JSON.parse(JSON.stringify(sortKeysDeep(value))) as unknown;
  expect(parse(text, { version: '1.2' }), text).toEqual(expected);
  expect(parse(text, { version: '1.1' }), text).toEqual(expected);
}

describe('toYaml', () => {
  it('reads back every awkward string as itself, as a value and as a key, in YAML 1.1 and 1.2', () => {
    for (const s of AWKWARD) {
      if (/[\ud800-\udfff]/.test(s) && s.includes('lone')) continue; // a lone surrogate cannot be encoded as UTF-8
      readsBack({ value: s, list: [s, { [s]: s }], [s.replace(/\n/g, ' ') || 'empty']: [s] });
    }
  });

  it('reads back arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ depthSize: 'small' }), (value) => {
        readsBack({ root: value });
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it('reads back arbitrary JSON values at every indentation --indent takes, and restores the default after', () => {
    fc.assert(
      fc.property(fc.jsonValue({ depthSize: 'small' }), fc.integer({ min: 2, max: 8 }), (value, indent) => {
        const root = { root: value, lines: 'a\nb\n', list: [[1, [2]], { k: ['x'] }] };
        expect(parse(toYaml(root, indent))).toEqual(JSON.parse(JSON.stringify(root)));
      }),
      { numRuns: 500, seed: 20261204 },
    );
    expect(toYaml({ a: [{ b: 1, c: 2 }] }, 4)).toBe('a:\n    -   b: 1\n        c: 2\n');
    expect(toYaml({ a: [{ b: 1, c: 2 }] })).toBe('a:\n  - b: 1\n    c: 2\n');
    expect(() => toYaml({}, 1)).toThrow(RangeError);
  });

  it('reads back strings made of the characters that decide between plain and quoted', () => {
    // The printer proves most strings plain in one pass and leaves the rest to its regular expressions; strings
    // of letters, digits, indicators and spaces exercise both sides of that line.
    const chars = fc.constantFrom(...'aeEyYnNoOtTfF_/09:#- .+x\t\n"\'[{,&*!|>%@`~<=');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 8 }), (s) => {
        readsBack({ value: s, list: [s], [s]: s });
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  it('prints block style with sorted keys, indented sequences and literal blocks (keys y and n are YAML 1.1 booleans)', () => {
    expect(toYaml({ b: [1, { y: 'x', x: [] }], a: { c: {}, d: 'multi\nline\n', e: 'no end\nnewline' }, n: null, t: true })).toBe(
      [
        'a:',
        '  c: {}',
        '  d: |',
        '    multi',
        '    line',
        '  e: |-',
        '    no end',
        '    newline',
        'b:',
        '  - 1',
        '  - x: []',
        '    "y": x',
        '"n": null',
        't: true',
        '',
      ].join('\n'),
    );
    expect(toYaml([[1, 2], []])).toBe('- - 1\n  - 2\n- []\n');
    expect(toYaml({})).toBe('{}\n');
    expect(toYaml({ on: 'on', port: '8080', octal: '0755' })).toBe('octal: "0755"\n"on": "on"\nport: "8080"\n');
  });

  it('prints a redacted value as its placeholder, never its content', () => {
    const secret = { toJSON: () => '<redacted>', reveal: () => 'hunter2' };
    expect(toYaml({ password: secret })).toBe('password: <redacted>\n');
  });
});
