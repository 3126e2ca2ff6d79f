import { describe, expect, it } from 'vitest';
import { keyBeforeEquals, volumeTarget } from '../../../src/load/merge/keys.js';

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
    expect(volumeTarget('C:\\data:/data')).toBe('/data');
    expect(volumeTarget('vol:c:/x')).toBe('c:/x');
    expect(volumeTarget('$${X}:/z:ro')).toBe('/z');
  });
});
