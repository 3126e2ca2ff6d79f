import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/loader.js';
import { memoryHost } from '../../src/load/host.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const codes = (ds: Diagnostic[]) => errors(ds).map((d) => d.code);

function loadFiles(
  files: Record<string, string>,
  options: Parameters<typeof load>[0] = {},
  env: Record<string, string> = {},
) {
  const host = memoryHost(files, { cwd: '/proj', env });
  return load({ host, cwd: '/proj', env, ...options });
}

describe('file discovery', () => {
  it('finds compose.yaml and its override file', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'services:\n  web:\n    image: nginx\n',
      '/proj/compose.override.yaml': 'services:\n  web:\n    image: nginx:2\n',
    });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.project?.services.web?.image).toBe('nginx:2');
    expect(r.project?.composeFiles).toEqual(['compose.yaml', 'compose.override.yaml']);
  });

  it('prefers compose.yaml over docker-compose.yml and warns', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'services:\n  a:\n    image: a\n',
      '/proj/docker-compose.yml': 'services:\n  b:\n    image: b\n',
    });
    expect(Object.keys(r.project!.services)).toEqual(['a']);
    expect(r.diagnostics.map((d) => d.code)).toContain('COMPOSE_FILE_AMBIGUOUS');
  });

  it('walks up to a parent directory', () => {
    const host = memoryHost({ '/proj/compose.yaml': 'services:\n  a:\n    image: a\n', '/proj/sub/x.txt': '' });
    const r = load({ host, cwd: '/proj/sub', env: {} });
    expect(r.project?.name).toBe('proj');
  });

  it('reports a missing -f file without a stack trace', () => {
    const r = loadFiles({}, { files: ['nope.yaml'] });
    expect(codes(r.diagnostics)).toEqual(['COMPOSE_FILE_NOT_FOUND']);
    expect(r.project).toBeUndefined();
  });

  it('reports when no compose file exists at all', () => {
    const r = loadFiles({ '/proj/readme.txt': '' });
    expect(codes(r.diagnostics)).toEqual(['COMPOSE_FILE_NOT_FOUND']);
  });

  it('uses COMPOSE_FILE when no -f is given, in order', () => {
    const r = loadFiles(
      {
        '/proj/a.yaml': 'services:\n  web:\n    image: one\n',
        '/proj/b.yaml': 'services:\n  web:\n    image: two\n',
      },
      {},
      { COMPOSE_FILE: 'a.yaml:b.yaml' },
    );
    expect(r.project?.services.web?.image).toBe('two');
  });

  it('reads stdin for -f -', () => {
    const host = memoryHost({}, { cwd: '/proj', stdin: 'services:\n  s:\n    image: from-stdin\n' });
    const r = load({ host, cwd: '/proj', env: {}, files: ['-'] });
    expect(r.project?.services.s?.image).toBe('from-stdin');
  });

  it('merges several -f files in order, later wins', () => {
    const r = loadFiles(
      {
        '/proj/base.yaml': 'services:\n  web:\n    image: a\n    environment: {A: "1", B: "1"}\n',
        '/proj/prod.yaml': 'services:\n  web:\n    environment: {B: "2"}\n',
      },
      { files: ['base.yaml', 'prod.yaml'] },
    );
    expect(r.project?.services.web?.environment).toEqual({ A: '1', B: '2' });
  });
});

describe('project environment', () => {
  const compose = 'services:\n  web:\n    image: "nginx:${TAG}"\n';

  it('reads .env from the project directory', () => {
    const r = loadFiles({ '/proj/compose.yaml': compose, '/proj/.env': 'TAG=1.2\n' });
    expect(r.project?.services.web?.image).toBe('nginx:1.2');
  });

  it('lets the process environment win over .env', () => {
    const r = loadFiles({ '/proj/compose.yaml': compose, '/proj/.env': 'TAG=1.2\n' }, {}, { TAG: '9' });
    expect(r.project?.services.web?.image).toBe('nginx:9');
  });

  it('uses --env-file instead of .env, later files overriding earlier ones', () => {
    const r = loadFiles(
      { '/proj/compose.yaml': compose, '/proj/.env': 'TAG=dotenv\n', '/proj/a.env': 'TAG=a\n', '/proj/b.env': 'TAG=b\n' },
      { envFiles: ['a.env', 'b.env'] },
    );
    expect(r.project?.services.web?.image).toBe('nginx:b');
  });

  it('reports a missing --env-file', () => {
    const r = loadFiles({ '/proj/compose.yaml': compose }, { envFiles: ['missing.env'] });
    expect(codes(r.diagnostics)).toContain('ENV_FILE_NOT_FOUND');
  });

  it('skips .env when COMPOSE_DISABLE_ENV_FILE=true', () => {
    const r = loadFiles(
      { '/proj/compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG:-none}"\n', '/proj/.env': 'TAG=1.2\n' },
      {},
      { COMPOSE_DISABLE_ENV_FILE: 'true' },
    );
    expect(r.project?.services.web?.image).toBe('nginx:none');
  });

  it('resolves ${COMPOSE_PROJECT_NAME} to the final project name', () => {
    const r = loadFiles({ '/proj/compose.yaml': 'name: shop\nservices:\n  web:\n    image: "${COMPOSE_PROJECT_NAME}-web"\n' });
    expect(r.project?.services.web?.image).toBe('shop-web');
  });

  it('takes COMPOSE_PROFILES from .env', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'services:\n  a:\n    image: a\n  dbg:\n    image: d\n    profiles: [debug]\n',
      '/proj/.env': 'COMPOSE_PROFILES=debug\n',
    });
    expect(Object.keys(r.project!.services).sort()).toEqual(['a', 'dbg']);
  });
});

describe('project name', () => {
  const compose = { '/proj/compose.yaml': 'services:\n  a:\n    image: a\n' };

  it('defaults to the directory name', () => {
    expect(loadFiles(compose).project?.name).toBe('proj');
  });

  it('prefers -p, then COMPOSE_PROJECT_NAME, then name:', () => {
    const files = { '/proj/compose.yaml': 'name: fromfile\nservices:\n  a:\n    image: a\n' };
    expect(loadFiles(files).project?.name).toBe('fromfile');
    expect(loadFiles(files, {}, { COMPOSE_PROJECT_NAME: 'fromenv' }).project?.name).toBe('fromenv');
    expect(loadFiles(files, { projectName: 'flag' }, { COMPOSE_PROJECT_NAME: 'fromenv' }).project?.name).toBe('flag');
  });

  it('refuses an invalid -p or COMPOSE_PROJECT_NAME', () => {
    for (const bad of ['-my_project', '_my_project', 'www.my.project', 'MY_PROJECT']) {
      expect(codes(loadFiles(compose, { projectName: bad }).diagnostics)).toEqual(['PROJECT_NAME_INVALID']);
      expect(codes(loadFiles(compose, {}, { COMPOSE_PROJECT_NAME: bad }).diagnostics)).toEqual(['PROJECT_NAME_INVALID']);
    }
  });

  it('normalizes a name: silently and takes the last non-empty one', () => {
    const r = loadFiles(
      { '/proj/a.yaml': 'name: First\nservices:\n  a:\n    image: a\n', '/proj/b.yaml': 'name: "My App.v2"\n' },
      { files: ['a.yaml', 'b.yaml'] },
    );
    expect(r.project?.name).toBe('myappv2');
  });

  it('interpolates name:', () => {
    const r = loadFiles({ '/proj/compose.yaml': 'name: test-${TEST}-test\nservices:\n  a:\n    image: a\n' }, {}, { TEST: 'expected' });
    expect(r.project?.name).toBe('test-expected-test');
  });
});

describe('include', () => {
  it('loads included services with paths relative to the included file', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'include:\n  - sub/compose.yaml\nservices:\n  web:\n    image: web\n',
      '/proj/sub/compose.yaml': 'services:\n  db:\n    image: postgres\n    env_file: db.env\n',
      '/proj/sub/db.env': 'PGDATA=/data\n',
    });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(Object.keys(r.project!.services).sort()).toEqual(['db', 'web']);
    expect(r.project!.services.db!.environment).toEqual({ PGDATA: '/data' });
    expect(r.project!.services.db!.env_file[0]?.path).toBe('./sub/db.env');
  });

  it('merges a local definition over an included one', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'include: [inc.yaml]\nservices:\n  bar:\n    image: busybox\n    environment: !override [ZOT=QIX]\n',
      '/proj/inc.yaml': 'services:\n  bar:\n    image: alpine\n    environment: [A=B]\n',
    });
    expect(r.project?.services.bar?.image).toBe('busybox');
    expect(r.project?.services.bar?.environment).toEqual({ ZOT: 'QIX' });
  });

  it('gives an include its own env_file, invisible to the parent', () => {
    const r = loadFiles({
      '/proj/compose.yaml':
        'include:\n  - path: inc.yaml\n    env_file: custom.env\nservices:\n  a:\n    image: "a${VAR_NAME:-}"\n',
      '/proj/inc.yaml': 'services:\n  b:\n    image: "b-${VAR_NAME}"\n',
      '/proj/custom.env': 'VAR_NAME=value\n',
    });
    expect(r.project?.services.b?.image).toBe('b-value');
    expect(r.project?.services.a?.image).toBe('a');
  });

  it('reports an include cycle with a location', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'include: [a.yaml]\nservices:\n  x:\n    image: x\n',
      '/proj/a.yaml': 'include: [compose.yaml]\nservices:\n  y:\n    image: y\n',
    });
    const cycle = errors(r.diagnostics).find((d) => d.code === 'INCLUDE_CYCLE');
    expect(cycle?.location?.file).toBe('a.yaml');
  });

  it('refuses an include outside the project directory', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'include: [../elsewhere/compose.yaml]\nservices:\n  x:\n    image: x\n',
      '/elsewhere/compose.yaml': 'services:\n  y:\n    image: y\n',
    });
    expect(codes(r.diagnostics)).toContain('FILE_OUTSIDE_PROJECT');
    const allowed = loadFiles(
      {
        '/proj/compose.yaml': 'include: [../elsewhere/compose.yaml]\nservices:\n  x:\n    image: x\n',
        '/elsewhere/compose.yaml': 'services:\n  y:\n    image: y\n',
      },
      { allowOutsideProject: true },
    );
    expect(Object.keys(allowed.project!.services).sort()).toEqual(['x', 'y']);
  });
});

describe('extends', () => {
  it('extends a service of the same file, local keys winning', () => {
    const r = loadFiles({
      '/proj/compose.yaml':
        'services:\n  base:\n    image: base\n    environment: {A: "1"}\n  web:\n    extends: base\n    environment: {B: "2"}\n',
    });
    expect(r.project?.services.web?.image).toBe('base');
    expect(r.project?.services.web?.environment).toEqual({ A: '1', B: '2' });
  });

  it('extends across files with paths relative to the extended file', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: app\n',
      '/proj/common/base.yaml': 'services:\n  app:\n    image: app\n    build: ./ctx\n    env_file: app.env\n',
      '/proj/common/app.env': 'X=1\n',
    });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.project?.services.web?.build?.context).toBe('./common/ctx');
    expect(r.project?.services.web?.environment).toEqual({ X: '1' });
  });

  it('follows a chain and reports a cycle', () => {
    const chain = loadFiles({
      '/proj/compose.yaml':
        'services:\n  a:\n    image: a\n    user: "1"\n  b:\n    extends: a\n  c:\n    extends: b\n    working_dir: /w\n',
    });
    expect(chain.project?.services.c?.user).toBe('1');
    const cycle = loadFiles({
      '/proj/compose.yaml': 'services:\n  a:\n    image: a\n    extends: b\n  b:\n    image: b\n    extends: a\n',
    });
    expect(codes(cycle.diagnostics)).toContain('EXTENDS_CYCLE');
  });

  it('reports an unknown base service at the extends key', () => {
    const r = loadFiles({ '/proj/compose.yaml': 'services:\n  web:\n    image: a\n    extends: nope\n' });
    const d = errors(r.diagnostics).find((x) => x.code === 'EXTENDS_SERVICE_NOT_FOUND');
    expect(d?.location).toMatchObject({ file: 'compose.yaml', line: 4 });
  });

  it('applies !reset against the extended base', () => {
    const r = loadFiles({
      '/proj/compose.yaml':
        'services:\n  base:\n    image: a\n    command: ["run"]\n  web:\n    extends: base\n    command: !reset null\n',
    });
    expect(r.project?.services.web?.command).toBeUndefined();
  });
});

describe('files read on the user\'s behalf', () => {
  it('refuses env_file outside the project directory and names it', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'services:\n  web:\n    image: a\n    env_file: ../../../etc/shadow\n',
      '/etc/shadow': 'root:x\n',
    });
    const d = errors(r.diagnostics)[0];
    expect(d?.message).toContain('outside the project directory');
    expect(JSON.stringify(r.diagnostics)).not.toContain('root:x');
  });
});

describe('markers in a single file', () => {
  it('drops a !reset entry and unwraps an !override one when there is no base', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'services:\n  web:\n    image: a\n    command: !reset ["x"]\n    environment: !override {A: "1"}\n',
    });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.project?.services.web?.command).toBeUndefined();
    expect(r.project?.services.web?.environment).toEqual({ A: '1' });
  });

  it('strips markers of an included file that the including file does not touch', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'include: [inc.yaml]\nservices:\n  web:\n    image: a\n',
      '/proj/inc.yaml': 'services:\n  db:\n    image: b\n    command: !reset ["x"]\n    labels: !override {L: "1"}\n',
    });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.project?.services.db?.command).toBeUndefined();
    expect(r.project?.services.db?.labels).toEqual({ L: '1' });
  });
});

describe('multi-document files', () => {
  it('merges later documents over earlier ones', () => {
    const r = loadFiles({
      '/proj/compose.yaml': 'services:\n  web:\n    image: nginx\n---\nservices:\n  web:\n    image: nginx:override\n',
    });
    expect(r.project?.services.web?.image).toBe('nginx:override');
  });
});

describe('errors', () => {
  it('reports a missing required variable with its location', () => {
    const r = loadFiles({ '/proj/compose.yaml': 'services:\n  web:\n    image: "${IMAGE:?set IMAGE}"\n' });
    const d = errors(r.diagnostics)[0];
    expect(d?.code).toBe('INTERPOLATION_REQUIRED');
    expect(d?.location).toMatchObject({ file: 'compose.yaml', line: 3 });
    expect(d?.message).toContain('IMAGE');
  });

  it('warns about version: and ignores it', () => {
    const r = loadFiles({ '/proj/compose.yaml': 'version: "3.8"\nservices:\n  web:\n    image: a\n' });
    expect(r.project).toBeDefined();
    expect(r.diagnostics.find((d) => d.code === 'COMPOSE_VERSION_OBSOLETE')?.location?.line).toBe(1);
  });
});
