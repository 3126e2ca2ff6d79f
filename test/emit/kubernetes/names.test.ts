/**
 * Kubernetes names (src/emit/kubernetes/names.ts): the char-code check that lets a valid name through unchanged
 * agrees with the DNS-1123 label pattern, and dnsLabel returns valid labels, the input itself when it already is one.
 */
import { describe, expect, it } from 'vitest';
import { dnsLabel, isDnsLabel } from '../../../src/emit/kubernetes/names.js';

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function randomNames(count: number): string[] {
  const alphabet = ['a', 'z', 'A', '0', '9', '-', '_', '.', ' ', 'é'];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let name = '';
    const length = next() % 8;
    for (let i = 0; i < length; i++) name += alphabet[next()];
    out.push(name);
  }
  return out;
}

describe('names', () => {
  it('isDnsLabel agrees with the DNS-1123 label pattern', () => {
    for (const name of ['', 'a', '-', 'a-', '-a', 'web', 'db-data', 'Web', 'a_b', 'a'.repeat(63), 'a'.repeat(64), ...randomNames(20000)]) {
      expect(isDnsLabel(name), JSON.stringify(name)).toBe(name.length <= 63 && LABEL.test(name));
    }
    expect(isDnsLabel('abcdef', 5)).toBe(false);
  });

  it('dnsLabel keeps valid labels and makes valid ones of the rest', () => {
    expect(dnsLabel('db-data')).toBe('db-data');
    expect(dnsLabel('1web')).toBe('1web');
    expect(dnsLabel('1web', 63, true)).toBe('s-1web');
    for (const name of randomNames(5000)) {
      const label = dnsLabel(name);
      expect(isDnsLabel(label), JSON.stringify(name)).toBe(true);
      if (isDnsLabel(name)) expect(label).toBe(name);
    }
  });
});
