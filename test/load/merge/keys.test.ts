import { describe, expect, it } from 'vitest';
import { splitVolumeSpec } from '../../../src/ir/values/volumes.js';
import { keyBeforeEquals, shortVolumeTarget, volumeTarget } from '../../../src/load/merge/keys.js';

/** The target as splitVolumeSpec defines it: the second part, or the only one. */
function reference(spec: string): string {
  const parts = splitVolumeSpec(spec);
  return parts.length === 1 ? parts[0]! : parts[1]!;
}

describe('shortVolumeTarget', () => {
  const CASES = [
    'data:/var/lib/data', './config/app.conf:/etc/app.conf:ro', '/only', 'C:\\data:/data', 'c:/data:/data:rw',
    'vol:c:/x', 'vol:c:\\x:ro', 'a:b:c:d', ':', '::', 'x:', ':/y', 'C:', 'C:/', '1:/x', '${A:-x}:/y', '$${X}:/z:ro',
  ];
  it.each(CASES)('%j agrees with splitVolumeSpec', (spec) => {
    expect(shortVolumeTarget(spec)).toBe(reference(spec));
  });

  it('agrees with splitVolumeSpec on random specs', () => {
    const alphabet = ['a', 'C', '1', ':', '/', '\\', '.', '$', '{', '}', '-'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length;
    for (let n = 0; n < 20000; n++) {
      let spec = '';
      const length = next() % 9;
      for (let i = 0; i < length; i++) spec += alphabet[next()];
      expect(shortVolumeTarget(spec), spec).toBe(reference(spec));
    }
  });
});

describe('unique keys', () => {
  it('keys KEY=value entries by the text before the first =', () => {
    expect(keyBeforeEquals('A=b=c')).toBe('A');
    expect(keyBeforeEquals('A')).toBe('A');
    expect(keyBeforeEquals('=x')).toBe('');
    expect(keyBeforeEquals(3)).toBeUndefined();
  });

  it('keys volumes by their cleaned target', () => {
    expect(volumeTarget('data:/var/lib//x/')).toBe('/var/lib/x');
    expect(volumeTarget('data:/var/./lib/../x:ro')).toBe('/var/x');
    expect(volumeTarget({ target: '/a/.b/' })).toBe('/a/.b');
    expect(volumeTarget('data:/')).toBe('/');
    expect(volumeTarget('relative')).toBe('relative');
  });
});
