import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveServiceEnvironment } from '../../../src/ir/normalize/resolve-service-env.js';
import { HAVE_SHARED, sharedPath, warnIfNoShared } from '../../helpers/shared.js';

const projectEnv: Record<string, string> = { FOO: 'FOO_from_os.env', QIX: 'QIX_from_os.env' };
const lookup = (n: string) => projectEnv[n];

describe('resolveServiceEnvironment', () => {
  it('lets every declared key win over env files, even an unresolved bare key', () => {
    const result = resolveServiceEnvironment(lookup, { A: 'declared', NOPE: null, QIX: null }, [
      { path: 'a.env', text: 'A=file\nNOPE=file\nB=file' },
    ]);
    expect(result.environment).toEqual({ A: 'declared', NOPE: null, QIX: 'QIX_from_os.env', B: 'file' });
  });

  it('lets a later env file override an earlier one', () => {
    const result = resolveServiceEnvironment(lookup, {}, [
      { path: 'a.env', text: 'X=1\nY=1' },
      { path: 'b.env', text: 'X=2' },
    ]);
    expect(result.environment).toEqual({ X: '2', Y: '1' });
  });

  it('reports env file syntax errors with the file name', () => {
    const result = resolveServiceEnvironment(lookup, {}, [{ path: 'bad.env', text: 'A B=1' }]);
    expect(result.diagnostics).toMatchObject([{ code: 'DOTENV_SYNTAX', location: { file: 'bad.env', line: 1 } }]);
  });

  it('interpolates env files with the project env, then the service environment, then earlier values', () => {
    const result = resolveServiceEnvironment(lookup, { S: 'from-service', FOO: 'declared' }, [
      { path: 'a.env', text: 'E=early\nFOO=file' },
      { path: 'b.env', text: 'X=${FOO}|${S}|${E}|${QIX}\nS\nE' },
    ]);
    expect(result.environment).toEqual({
      E: 'early',
      FOO: 'declared',
      X: 'FOO_from_os.env|from-service|early|QIX_from_os.env',
      S: 'from-service',
    });
  });

  it('keeps an empty declared value over an env file value', () => {
    expect(resolveServiceEnvironment(lookup, { A: '' }, [{ path: 'a.env', text: 'A=file' }]).environment).toEqual({ A: '' });
  });

  it('does not let the project env override an env file value', () => {
    expect(resolveServiceEnvironment(lookup, {}, [{ path: 'a.env', text: 'FOO=file' }]).environment).toEqual({ FOO: 'file' });
  });

  it('rejects an unknown format without reading the file', () => {
    const result = resolveServiceEnvironment(lookup, { A: '1' }, [
      { path: 'c.env', format: 'custom', text: 'B=2' },
      { path: 'd.env', text: 'C=3' },
    ]);
    expect(result.environment).toEqual({ C: '3', A: '1' });
    expect(result.diagnostics).toMatchObject([{ severity: 'error', code: 'ENV_FILE_FORMAT', message: expect.stringContaining('"custom"') }]);
  });

  it('does not change its inputs', () => {
    const declared = { A: null };
    const files = [{ path: 'a.env', text: 'A=1' }];
    resolveServiceEnvironment(lookup, declared, files);
    expect(declared).toEqual({ A: null });
    expect(files).toEqual([{ path: 'a.env', text: 'A=1' }]);
  });

  it('returns keys in env file order, then declared order', () => {
    const { environment } = resolveServiceEnvironment(lookup, { Z: '1', A: '2' }, [{ path: 'a.env', text: 'M=1\nB=2\nZ=3' }]);
    expect(Object.keys(environment)).toEqual(['M', 'B', 'Z', 'A']);
  });

  it('reads the raw format literally', () => {
    const result = resolveServiceEnvironment(lookup, {}, [{ path: 'r.env', format: 'raw', text: 'A="$FOO"' }]);
    expect(result.environment).toEqual({ A: '"$FOO"' });
  });
});

warnIfNoShared('the service environment fixtures');
describe.skipIf(!HAVE_SHARED)('compose-go TestProject_WithServicesEnvironmentResolved', () => {
  const read = (name: string) => ({
    path: name,
    text: readFileSync(sharedPath('compose-reference/fixtures/compose-go/types/fixtures', name), 'utf8'),
  });
  it('base service', () => {
    const { environment } = resolveServiceEnvironment(
      lookup,
      { FOO: 'foo_from_environment', BAR: 'bar_from_environment', QIX: null },
      [read('base.env')],
    );
    expect(environment).toMatchObject({
      FOO: 'foo_from_environment',
      BAR: 'bar_from_environment',
      QIX: 'QIX_from_os.env',
      ZOT: 'zot_from_base.env',
      INTERPOLATED_FOO: 'FOO_from_os.env',
      INTERPOLATED_BAR: 'bar_from_environment',
      INTERPOLATED_ZOT: 'zot_from_base.env',
    });
  });
  it('override service', () => {
    const { environment } = resolveServiceEnvironment(lookup, { FOO: 'foo_from_environment' }, [read('base.env'), read('override.env')]);
    expect(environment).toMatchObject({
      FOO: 'foo_from_environment',
      BAR: 'bar_from_override.env',
      ZOT: 'zot_from_base.env',
      INTERPOLATED_FOO: 'FOO_from_os.env',
      INTERPOLATED_BAR: 'bar_from_override.env',
      INTERPOLATED_ZOT: 'zot_from_base.env',
    });
  });
});
