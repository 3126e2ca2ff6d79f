/**
 * compose-go's interpolation_test.go and loader cast tests as tables (compose-testdata §2.2), plus casts, error
 * positions and marker handling.
 */
import { describe, expect, it } from 'vitest';
import { interpolateModel } from '../../../src/load/interpolation/interpolate-tree.js';
import { castAt, castString } from '../../../src/load/interpolation/casts.js';
import { parseComposeYaml } from '../../../src/parse/index.js';
import { OverrideTag, RESET } from '../../../src/parse/tags.js';

function env(vars: Record<string, string>) {
  return (name: string) => vars[name];
}

/** Interpolates `value` placed at `myservice.environment.TESTVAR`, as the Go test does. */
function atTestVar(value: string, vars: Record<string, string>) {
  const result = interpolateModel({ myservice: { environment: { TESTVAR: value } } }, { lookup: env(vars), file: 'f.yaml' });
  const out = (result.value as { myservice: { environment: { TESTVAR: unknown } } }).myservice.environment.TESTVAR;
  return { out, errors: result.diagnostics.filter((d) => d.severity === 'error') };
}

const UNSET_ROWS: [string, string][] = [
  ['{{{ ${FOO:-foo_} }}}', '{{{ foo_ }}}'],
  ['{{{ ${FOO:-foo-bar-value} }}}', '{{{ foo-bar-value }}}'],
  ['{{{ ${FOO:-foo?bar?value} }}}', '{{{ foo?bar?value }}}'],
  ['{{{ ${FOO:-foo:?bar:?value} }}}', '{{{ foo:?bar:?value }}}'],
  ['{{{ ${FOO:-foo} ${BAR:-DEFAULT_VALUE} }}}', '{{{ foo DEFAULT_VALUE }}}'],
  ['{{{ ${BAR} }}}', '{{{  }}}'],
  ['${FOO:-baz} }}}', 'baz }}}'],
  ['${FOO-baz} }}}', 'baz }}}'],
  ['${FOO:-${BAR:-${ZOT:-qix}}}', 'qix'],
  ['${FOO:-${BAR:-x}_test_${BAR:-y}}', 'x_test_y'],
  ['${FOO:-${BAR:-x}_test}', 'x_test'],
  ['${FOO:-${BAR:-${ZOT:-x}}_test}', 'x_test'],
];

const UNSET_ERRORS: [string, string][] = [
  ['{{{ ${FOO:?foo_} }}}', 'foo_'],
  ['{{{ ${FOO:?foo-bar-value} }}}', 'foo-bar-value'],
  ['{{{ ${FOO:?foo} ${BAR:-DEFAULT_VALUE} }}}', 'foo'],
  ['${FOO:?foo} ${BAR:?bar}', 'foo'],
  ['${FOO:?baz} }}}', 'baz'],
  ['${FOO?baz} }}}', 'baz'],
];

const SET_ROWS: [string, string][] = [
  ['{{{ ${FOO:-foo_} }}}', '{{{ bar }}}'],
  ['{{{ ${FOO:-foo} ${USER:-bar} }}}', '{{{ bar jenny }}}'],
  ['{{{ ${USER} }}}', '{{{ jenny }}}'],
  ['${FOO:-baz} }}}', 'bar }}}'],
];

describe('interpolation_test.go tables', () => {
  it.each(UNSET_ROWS)('%s -> %s (FOO, BAR unset)', (input, expected) => {
    expect(atTestVar(input, {})).toEqual({ out: expected, errors: [] });
  });
  it.each(UNSET_ERRORS)('%s fails with the first message: %s', (input, reason) => {
    const { errors } = atTestVar(input, {});
    expect(errors.map((d) => [d.code, d.message])).toEqual([
      [
        'INTERPOLATION_REQUIRED',
        `error while interpolating myservice.environment.TESTVAR: required variable FOO is missing a value: ${reason}`,
      ],
    ]);
  });
  it.each(SET_ROWS)('%s -> %s (FOO=bar, USER=jenny)', (input, expected) => {
    expect(atTestVar(input, { FOO: 'bar', USER: 'jenny' })).toEqual({ out: expected, errors: [] });
  });
  it('reports an invalid template with the path and the escape hint', () => {
    const result = interpolateModel({ servicea: { image: '${' } }, { lookup: env({}), file: 'f.yaml' });
    expect(result.diagnostics).toMatchObject([
      { severity: 'error', code: 'INTERPOLATION_INVALID', message: 'invalid interpolation format for servicea.image: "${"', hint: expect.stringContaining('$$') },
    ]);
  });
  it('interpolates list items and nested maps', () => {
    const result = interpolateModel({ s: { volumes: ['$FOO:/target'], x: { y: [{ z: '${FOO}' }] } } }, { lookup: env({ FOO: 'bar' }), file: 'f' });
    expect(result.value).toEqual({ s: { volumes: ['bar:/target'], x: { y: [{ z: 'bar' }] } } });
  });
  it('casts after interpolation (TestInterpolateWithCast)', () => {
    const result = interpolateModel(
      { services: { web: { deploy: { replicas: '$count' }, depends_on: { db: { required: '$REQUIRED' } } } } },
      { lookup: env({ count: '5', REQUIRED: 'true' }), file: 'f' },
    );
    expect(result).toEqual({
      value: { services: { web: { deploy: { replicas: 5 }, depends_on: { db: { required: true } } } } },
      diagnostics: [],
    });
  });
});

describe('TestLoadWithInterpolationCastFull', () => {
  const vars = { theint: '555', thefloat: '3.14', thebool: 'true', theduration: '60s', thesize: '2gb' };
  const yaml = [
    'services:',
    '  web:',
    '    healthcheck:', '      retries: ${theint}', '      disable: $thebool',
    '    deploy:',
    '      replicas: $theint',
    '      update_config: {parallelism: $theint, max_failure_ratio: $thefloat}',
    '      rollback_config: {parallelism: $theint, max_failure_ratio: $thefloat}',
    '      restart_policy: {max_attempts: $theint}',
    '      placement: {max_replicas_per_node: $theint}',
    '    ports: [$theint, "34567", {target: $theint, published: "$theint", x-foo-bar: true}]',
    '    ulimits: {nproc: $theint, nofile: {hard: $theint, soft: $theint}}',
    '    privileged: $thebool',
    '    read_only: $thebool',
    '    stdin_open: $thebool',
    '    tty: $thebool',
    '    shm_size: ${thesize}',
    '    stop_grace_period: ${theduration}',
    '    volumes: [{type: volume, source: data, target: /d, read_only: $thebool, volume: {nocopy: $thebool}}]',
    '    configs: [{source: c, mode: "$theint"}]',
    'configs: {c: {external: $thebool}}',
    'secrets: {s: {external: $thebool}}',
    'volumes: {data: {external: $thebool}}',
    'networks: {front: {external: $thebool, internal: $thebool, attachable: $thebool}}',
  ].join('\n');

  it('casts exactly the typed paths and leaves every other string alone', () => {
    const doc = parseComposeYaml(yaml, 'compose.yaml').documents[0]!.value;
    const { value, diagnostics } = interpolateModel(doc, { lookup: env(vars), file: 'compose.yaml' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      services: {
        web: {
          healthcheck: { retries: 555, disable: true },
          deploy: {
            replicas: 555,
            update_config: { parallelism: 555, max_failure_ratio: 3.14 },
            rollback_config: { parallelism: 555, max_failure_ratio: 3.14 },
            restart_policy: { max_attempts: 555 },
            placement: { max_replicas_per_node: 555 },
          },
          ports: ['555', '34567', { target: 555, published: '555', 'x-foo-bar': true }],
          ulimits: { nproc: 555, nofile: { hard: 555, soft: 555 } },
          privileged: true,
          read_only: true,
          stdin_open: true,
          tty: true,
          shm_size: '2gb',
          stop_grace_period: '60s',
          volumes: [{ type: 'volume', source: 'data', target: '/d', read_only: true, volume: { nocopy: true } }],
          configs: [{ source: 'c', mode: '555' }],
        },
      },
      configs: { c: { external: true } },
      secrets: { s: { external: true } },
      volumes: { data: { external: true } },
      networks: { front: { external: true, internal: true, attachable: true } },
    });
  });
});

describe('casts', () => {
  const PATHS: [string, string | undefined][] = [
    ['services.web.deploy.replicas', 'int'],
    ['services.web.ports.0.target', 'int'],
    ['services.web.ports.0.published', undefined],
    ['services.web.ulimits.nproc', 'int'],
    ['services.web.ulimits.nofile.soft', 'int'],
    ['services.web.cpu_shares', 'int64'],
    ['services.web.cpus', 'float'],
    ['services.web.cpu_percent', 'float'],
    ['services.web.init', 'bool'],
    ['services.web.oom_kill_disable', 'bool'],
    ['services.web.mem_limit', undefined],
    ['services.web.image', undefined],
    ['networks.n.enable_ipv6', 'bool'],
    ['networks.n.driver', undefined],
    ['x-web.deploy.replicas', undefined],
    ['services', undefined],
  ];
  it.each(PATHS)('%s casts to %s', (path, kind) => {
    expect(castAt(path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)))).toBe(kind);
  });

  const GOOD: [string, 'int' | 'int64' | 'float' | 'bool', number | boolean][] = [
    ['3', 'int', 3],
    ['+3', 'int', 3],
    ['-1', 'int64', -1],
    ['007', 'int', 7],
    ['0.5', 'float', 0.5],
    ['1e3', 'float', 1000],
    ['.5', 'float', 0.5],
    ['2', 'float', 2],
    ['true', 'bool', true],
    ['FALSE', 'bool', false],
    ['9007199254740991', 'int64', 9007199254740991],
    ['-9007199254740991', 'int', -9007199254740991],
  ];
  it.each(GOOD)('%s as %s is %s', (input, kind, expected) => {
    expect(castString(input, kind)).toEqual({ ok: true, value: expected });
  });

  const WARN: [string, boolean][] = [
    ['yes', true], ['y', true], ['On', true], ['no', false], ['n', false], ['OFF', false],
  ];
  it.each(WARN)('%s is the boolean %s with a YAML 1.1 warning', (input, expected) => {
    expect(castString(input, 'bool')).toMatchObject({ ok: true, value: expected, warning: expect.stringContaining(input) });
  });

  const BAD: [string, 'int' | 'int64' | 'float' | 'bool'][] = [
    ['abc', 'int'], ['1.5', 'int'], ['', 'int'], [' 3', 'int'], ['9223372036854775808', 'int64'], ['-9223372036854775809', 'int'],
    // Within Go's int64, but a double would round them: refused rather than changed.
    ['9223372036854775807', 'int64'], ['-9223372036854775808', 'int'], ['9007199254740993', 'int'],
    ['abc', 'float'], ['', 'float'], ['maybe', 'bool'], ['1', 'bool'], ['', 'bool'],
  ];
  it.each(BAD)('%j as %s fails', (input, kind) => {
    expect(castString(input, kind).ok).toBe(false);
  });

  it('leaves non-string values at typed paths untouched', () => {
    const model = { services: { web: { deploy: { replicas: 3 }, tty: false, cpus: 1.5 } } };
    expect(interpolateModel(model, { lookup: env({}), file: 'f' }).value).toEqual(model);
  });
});

describe('positions and markers', () => {
  function run(yaml: string, vars: Record<string, string> = {}) {
    const doc = parseComposeYaml(yaml, 'c.yaml').documents[0]!.value;
    return interpolateModel(doc, { lookup: env(vars), file: 'c.yaml' });
  }

  it('locates errors inside lists at the item', () => {
    const { diagnostics } = run('services:\n  web:\n    command:\n      - ok\n      - "${A:?need A}"\n');
    expect(diagnostics).toMatchObject([
      { code: 'INTERPOLATION_REQUIRED', message: 'error while interpolating services.web.command.1: required variable A is missing a value: need A', location: { file: 'c.yaml', line: 5, column: 9 } },
    ]);
  });

  it('locates a failed cast at a list item path', () => {
    const { diagnostics } = run('services:\n  web:\n    ports:\n      - target: "http"\n');
    expect(diagnostics).toMatchObject([
      { severity: 'error', code: 'INTERPOLATION_CAST', message: expect.stringContaining('services.web.ports.0.target'), location: { line: 4, column: 17 } },
    ]);
  });

  it('warns about an unset variable once, at its first use', () => {
    const { diagnostics } = run('services:\n  a:\n    image: x$V\n  b:\n    image: $V\n');
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'VARIABLE_UNSET', message: 'The "V" variable is not set. Defaulting to a blank string.', location: { file: 'c.yaml', line: 3, column: 12 } },
    ]);
  });

  it('does not warn for a variable that only a default or alternative mentions', () => {
    expect(run('services:\n  a:\n    image: ${A:-x}${B-}${C:+y}${D+z}\n').diagnostics).toEqual([]);
  });

  it('keeps positions on the new containers', () => {
    const { value } = run('services:\n  web:\n    image: $X\n    deploy: {replicas: "abc"}\n', { X: 'x' });
    // A second pass over the output must still locate its errors.
    const again = interpolateModel(value, { lookup: env({}), file: 'c.yaml' });
    expect(again.diagnostics).toMatchObject([{ code: 'INTERPOLATION_CAST', location: { line: 4, column: 24 } }]);
  });

  it('interpolates x-* extensions and name:, never keys', () => {
    const { value } = run('name: ${P}\nx-common: {a: $P}\nservices:\n  web:\n    labels: {"$P": "$P"}\n', { P: 'p' });
    expect(value).toEqual({ name: 'p', 'x-common': { a: 'p' }, services: { web: { labels: { $P: 'p' } } } });
  });

  it('passes RESET through and casts inside an !override at a typed path', () => {
    const model = { services: { web: { tty: new OverrideTag('$T'), ports: RESET, command: new OverrideTag(RESET) } } };
    const out = interpolateModel(model, { lookup: env({ T: 'true' }), file: 'f' }).value as {
      services: { web: { tty: OverrideTag; ports: unknown; command: OverrideTag } };
    };
    expect(out.services.web.tty).toBeInstanceOf(OverrideTag);
    expect(out.services.web.tty.value).toBe(true);
    expect(out.services.web.ports).toBe(RESET);
    expect(out.services.web.command.value).toBe(RESET);
  });

  it('keeps a `__proto__` key as an ordinary own key', () => {
    const doc = parseComposeYaml('services:\n  web:\n    labels:\n      __proto__: $A\n', 'c.yaml').documents[0]!.value;
    const out = interpolateModel(doc, { lookup: env({ A: 'a' }), file: 'c.yaml' }).value as { services: { web: { labels: object } } };
    const labels = out.services.web.labels;
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(labels, '__proto__')?.value).toBe('a');
  });

  it('returns new containers and leaves the input as it was', () => {
    const model = { services: { web: { image: '$A', ports: [{ target: '80' }] } } };
    const copy = structuredClone(model);
    const out = interpolateModel(model, { lookup: env({ A: 'a' }), file: 'f' }).value as typeof model;
    expect(model).toEqual(copy);
    expect(out).not.toBe(model);
    expect(out.services.web.ports).not.toBe(model.services.web.ports);
    expect(out.services.web.ports[0]).toEqual({ target: 80 });
  });
});
