/**
 * The short-syntax scanners of src/ir/values (volumes, port ranges) walk character codes by hand for speed; these
 * tests pin them to the straightforward definitions they replaced (regular expressions and path.posix.normalize),
 * on hand-picked edge cases and on generated strings made of the characters that matter.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePortSpec, parseRange } from '../../src/ir/values/ports.js';
import { cleanTarget, isPathSource, parseVolumeSpec, splitVolumeSpec } from '../../src/ir/values/volumes.js';

/** The definition: split on `:` except inside `${...}` and after a drive letter followed by a separator. */
function referenceSplit(spec: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === '{' && spec[i - 1] === '$') depth++;
    else if (c === '}' && depth > 0) depth--;
    const driveLetter = c === ':' && current.length === 1 && /[a-zA-Z]/.test(current) && /[\\/]/.test(spec[i + 1] ?? '');
    if (c === ':' && depth === 0 && !driveLetter) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function referenceClean(target: string): string {
  if (target === '') return target;
  const cleaned = path.posix.normalize(target);
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}

function referenceIsPathSource(source: string): boolean {
  return /^[./~\\]/.test(source) || (/^[a-zA-Z]:[\\/]?/.test(source) && source.length >= 2 && source[1] === ':');
}

function referenceRange(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start > 65535 || end > 65535 || end < start ? undefined : [start, end];
}

const specChars = fc.constantFrom(':', '/', '\\', '.', '$', '{', '}', 'C', 'a', '~', ',', '-', '0', '9');
const specs = fc.array(specChars, { maxLength: 14 }).map((cs) => cs.join(''));

describe('volume spec scanning', () => {
  it('splits like the definition', () => {
    for (const spec of ['a:b', 'C:\\data:/data', 'c:/x:/y:ro', '${A:-x}:/t', '$${A:b}:/t', 'x:', ':x', 'C:', '::', 'C:x:y']) {
      expect(splitVolumeSpec(spec)).toEqual(referenceSplit(spec));
    }
    fc.assert(fc.property(specs, (spec) => {
      expect(splitVolumeSpec(spec)).toEqual(referenceSplit(spec));
    }), { numRuns: 3000 });
  });

  it('cleans targets like path.Clean', () => {
    for (const t of ['/', '//', '/a', '/a/', '/a//b', '/a/./b', '/a/../b', '/.', '/..', '/...', '/a/.b', '/a/..b/', 'a', './a', '/a/b/.']) {
      expect(cleanTarget(t)).toBe(referenceClean(t));
    }
    const paths = fc.array(fc.constantFrom('/', '.', 'a', '\\'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(fc.property(paths, (t) => {
      expect(cleanTarget(t)).toBe(referenceClean(t));
    }), { numRuns: 3000 });
  });

  it('tells host paths from volume names like the definition', () => {
    fc.assert(fc.property(specs, (s) => {
      expect(isPathSource(s)).toBe(referenceIsPathSource(s));
    }), { numRuns: 2000 });
  });

  it('applies options and refuses empty sections', () => {
    expect(parseVolumeSpec('./a:/b:ro,,z')).toEqual({
      ok: true,
      value: { type: 'bind', source: './a', target: '/b', read_only: true, bind: { create_host_path: true, selinux: 'z' }, extensions: {} },
    });
    expect(parseVolumeSpec('data:/b:nocopy,rw')).toEqual({
      ok: true,
      value: { type: 'volume', source: 'data', target: '/b', read_only: false, volume: { nocopy: true }, extensions: {} },
    });
    expect(parseVolumeSpec('a::b').ok).toBe(false);
    expect(parseVolumeSpec('a:b:c:d').ok).toBe(false);
  });
});

describe('port scanning', () => {
  it('reads ranges like the definition', () => {
    for (const t of ['', '-', '1-', '-1', '0', '80', '65535', '65536', '8000-8010', '9-8', '1-2-3', '099', '１']) {
      const got = parseRange(t);
      const want = referenceRange(t);
      expect(got.ok ? got.value : undefined).toEqual(want);
    }
    const ranges = fc.array(fc.constantFrom('0', '1', '5', '6', '9', '-'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(ranges, (t) => {
        const got = parseRange(t);
        expect(got.ok ? got.value : undefined).toEqual(referenceRange(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds ip, host and container from the right', () => {
    expect(parsePortSpec('127.0.0.1:8080:80/udp')).toMatchObject({ ok: true, value: [{ target: 80, published: '8080', host_ip: '127.0.0.1', protocol: 'udp' }] });
    expect(parsePortSpec('[::1]:8080:80')).toMatchObject({ ok: true, value: [{ target: 80, published: '8080', host_ip: '::1' }] });
    expect(parsePortSpec(':80')).toEqual({ ok: true, value: [{ target: 80, protocol: 'tcp', mode: 'ingress', extensions: {} }] });
    expect(parsePortSpec('::80')).toEqual({ ok: true, value: [{ target: 80, protocol: 'tcp', mode: 'ingress', extensions: {} }] });
    expect(parsePortSpec('8000-8001:9-10').ok && parsePortSpec('8000-8001:9-10')).toMatchObject({
      value: [{ target: 10, published: '8001' }, { target: 9, published: '8000' }],
    });
    expect(parsePortSpec('1.2.3:80:80').ok).toBe(false);
    expect(parsePortSpec('80:99999')).toEqual({ ok: false, message: 'invalid container port in "80:99999": 99999 is out of range (0 to 65535)' });
    expect(parsePortSpec('x:80')).toEqual({ ok: false, message: 'invalid host port in "x:80": "x" is not a port number or range' });
  });
});
