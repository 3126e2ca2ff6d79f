import { describe, expect, it } from 'vitest';
import { interpolateModel } from '../../../src/load/interpolation/interpolate-tree.js';
import { parseComposeYaml } from '../../../src/parse/index.js';
import { isOverride, isReset } from '../../../src/parse/tags.js';

function run(yaml: string, env: Record<string, string> = {}) {
  const parsed = parseComposeYaml(yaml, 'compose.yaml');
  expect(parsed.diagnostics).toEqual([]);
  return interpolateModel(parsed.documents[0]!.value, { lookup: (n) => env[n], file: 'compose.yaml' });
}

describe('interpolateModel', () => {
  it('substitutes values at every depth, never keys', () => {
    const { value, diagnostics } = run(
      'services:\n  web:\n    image: ${IMG}\n    volumes: ["$FOO:/target"]\n    labels:\n      $KEY: ${FOO}\n',
      { IMG: 'nginx', FOO: 'bar', KEY: 'nope' },
    );
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ services: { web: { image: 'nginx', volumes: ['bar:/target'], labels: { $KEY: 'bar' } } } });
  });

  it('casts strings at typed paths, templated or not', () => {
    const { value, diagnostics } = run(
      [
        'services:',
        '  web:',
        '    scale: "2"',
        '    cpus: "0.5"',
        '    tty: $B',
        '    ports: [{target: "$P", published: "$P"}]',
        '    ulimits: {nproc: "$P", nofile: {soft: "1", hard: "2"}}',
        '    deploy: {replicas: "3", update_config: {max_failure_ratio: "0.25"}}',
        '    healthcheck: {retries: "4", disable: "false"}',
        '    depends_on: {db: {condition: service_started, required: "true"}}',
        'networks: {front: {external: "true"}}',
      ].join('\n'),
      { B: 'true', P: '555' },
    );
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      services: {
        web: {
          scale: 2,
          cpus: 0.5,
          tty: true,
          ports: [{ target: 555, published: '555' }],
          ulimits: { nproc: 555, nofile: { soft: 1, hard: 2 } },
          deploy: { replicas: 3, update_config: { max_failure_ratio: 0.25 } },
          healthcheck: { retries: 4, disable: false },
          depends_on: { db: { condition: 'service_started', required: true } },
        },
      },
      networks: { front: { external: true } },
    });
  });

  it('accepts yes/no for booleans with a warning, and reports a failed cast where it was written', () => {
    const ok = run('services:\n  web:\n    privileged: "yes"\n');
    expect(ok.value).toEqual({ services: { web: { privileged: true } } });
    expect(ok.diagnostics.map((d) => d.code)).toEqual(['BOOLEAN_YAML11']);
    const bad = run('services:\n  web:\n    deploy:\n      replicas: "abc"\n');
    expect(bad.diagnostics).toMatchObject([
      { severity: 'error', code: 'INTERPOLATION_CAST', location: { file: 'compose.yaml', line: 4, column: 17 } },
    ]);
  });

  it('reports a missing required variable with its message and position', () => {
    const { diagnostics } = run('services:\n  web:\n    image: "${TAG:?set TAG first}"\n');
    expect(diagnostics).toMatchObject([
      {
        severity: 'error',
        code: 'INTERPOLATION_REQUIRED',
        message: expect.stringContaining('required variable TAG is missing a value: set TAG first'),
        location: { line: 3, column: 12 },
      },
    ]);
  });

  it('reports an invalid template with a hint to escape', () => {
    const { diagnostics } = run('services:\n  web:\n    image: "${"\n');
    expect(diagnostics[0]).toMatchObject({ code: 'INTERPOLATION_INVALID', hint: expect.stringContaining('$$') });
  });

  it('warns once per unset variable', () => {
    const { value, diagnostics } = run('services:\n  a: {image: $X}\n  b: {image: $X, command: $Y}\n');
    expect(value).toEqual({ services: { a: { image: '' }, b: { image: '', command: '' } } });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The "X" variable is not set. Defaulting to a blank string.',
      'The "Y" variable is not set. Defaulting to a blank string.',
    ]);
  });

  it('keeps !reset and !override markers, interpolating inside !override', () => {
    const { value } = run('services:\n  web:\n    ports: !reset []\n    command: !override ["$A"]\n', { A: 'go' });
    const web = (value as { services: { web: { ports: unknown; command: unknown } } }).services.web;
    expect(isReset(web.ports)).toBe(true);
    expect(isOverride(web.command) && web.command.value).toEqual(['go']);
  });

  it('tells whether the document holds markers', () => {
    const seen = (yaml: string) => {
      let called = 0;
      const doc = parseComposeYaml(yaml, 'compose.yaml').documents[0]!.value;
      interpolateModel(doc, { lookup: () => 'x', file: 'compose.yaml', onMarkers: () => called++ });
      return called;
    };
    expect(seen('services:\n  web:\n    image: $A\n')).toBe(0);
    expect(seen('services:\n  web:\n    ports: !reset []\n    command: !override [a]\n')).toBe(1);
    expect(seen('services:\n  web:\n    command: !override [a]\n')).toBe(1);
    expect(seen('services:\n  web:\n    ports: [!reset a]\n')).toBe(1);
  });

  it('never mutates its input', () => {
    const parsed = parseComposeYaml('services:\n  web:\n    image: $A\n', 'compose.yaml').documents[0]!.value;
    const before = JSON.stringify(parsed);
    interpolateModel(parsed, { lookup: () => 'x', file: 'compose.yaml' });
    expect(JSON.stringify(parsed)).toBe(before);
  });
});
