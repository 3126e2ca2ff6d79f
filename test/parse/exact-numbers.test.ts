/**
 * Integers a double cannot hold exactly (beyond 2^53) keep their exact digits, in both parser paths and through
 * `config`, the Kubernetes and the Swarm output; where Compose needs a number, such a value is a located error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseComposeYaml } from '../../src/parse/index.js';
import { runStackport } from '../helpers/run-cli.js';

const both = (text: string) => ({
  fast: parseComposeYaml(text, 'c.yaml').documents[0]?.value,
  general: parseComposeYaml(text, 'c.yaml', {}, { generalOnly: true }).documents[0]?.value,
});

describe('integers beyond 2^53', () => {
  it.each([
    ['12345678901234567890', '12345678901234567890'],
    ['-9223372036854775808', '-9223372036854775808'],
    ['9007199254740993', '9007199254740993'],
    ['0xFFFFFFFFFFFFFFFF', '18446744073709551615'],
    ['07777777777777777777', '144115188075855871'],
    ['1_000_000_000_000_000_000', '1000000000000000000'],
    ['9007199254740991', 9007199254740991],
    ['0755', 493],
  ])('%s reads as %j in the fast and the general parser', (text, expected) => {
    const { fast, general } = both(`a: ${text}\n`);
    expect(fast).toEqual({ a: expected });
    expect(general).toEqual({ a: expected });
  });
});

describe('exact values through every output', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sp-numbers-'));
  writeFileSync(path.join(dir, 'compose.yaml'), `
services:
  app:
    image: busybox
    environment:
      NUM: 12345678901234567890
      HEX: 0xFFFFFFFFFFFFFFFF
    labels:
      big: 98765432109876543210
    sysctls:
      net.core.somaxconn: 12345678901234567890
x-big: 12345678901234567890
`);

  it.each([
    [['config']],
    [['convert', '--to', 'kubernetes']],
    [['convert', '--to', 'swarm']],
  ])('%j keeps the digits', async (args) => {
    const run = await runStackport([...args, '-f', 'compose.yaml'], dir);
    expect(run.code, run.stderr).toBe(0);
    for (const digits of ['12345678901234567890', '18446744073709551615', '98765432109876543210']) expect(run.stdout).toContain(digits);
    expect(run.stdout).not.toMatch(/1234567890123456[0-9]{0,3}e|12345678901234567000|12345678901234567168/);
  });

  it('refuses, with the location, such a value where a number is needed', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), 'services:\n  app:\n    image: busybox\n    scale: 9007199254740993\n    ports:\n      - target: 12345678901234567890\n');
    const run = await runStackport(['convert', '--to', 'kubernetes', '-f', 'bad.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad.yaml:4:12: error INTERPOLATION_CAST');
    expect(run.stderr).toContain('too large');
    expect(run.stderr).toMatch(/bad\.yaml:6:\d+: error/);
  });
});
