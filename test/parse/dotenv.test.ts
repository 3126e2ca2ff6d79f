import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/parse/dotenv.js';
import { HAVE_SHARED, sharedPath, warnIfNoShared } from '../helpers/shared.js';

const none = () => undefined;
function map(text: string, lookup: (n: string) => string | undefined = none): Record<string, string> {
  const result = parseDotenv(text, '.env', lookup);
  expect(result.diagnostics).toEqual([]);
  return Object.fromEntries(result.values);
}

const LINES: [string, Record<string, string>][] = [
  ['FOO=bar', { FOO: 'bar' }],
  ['FOO =bar', { FOO: 'bar' }],
  ['FOO= bar', { FOO: 'bar' }],
  ['FOO="bar"', { FOO: 'bar' }],
  ["FOO='bar'", { FOO: 'bar' }],
  ['FOO="escaped\\"bar"', { FOO: 'escaped"bar' }],
  ['FOO="\\"quoted\\""', { FOO: '"quoted"' }],
  ['FOO="\'d\'"', { FOO: "'d'" }],
  ['OPTION_A: 1', { OPTION_A: '1' }],
  ['OPTION_A: Foo=bar', { OPTION_A: 'Foo=bar' }],
  ['OPTION_A=1:B', { OPTION_A: '1:B' }],
  ['export OPTION_A=2', { OPTION_A: '2' }],
  ['export\tOPTION_A=2', { OPTION_A: '2' }],
  ['  export OPTION_A=2', { OPTION_A: '2' }],
  ["export OPTION_B='\\n'", { OPTION_B: '\\n' }],
  ['export exportFoo=2', { exportFoo: '2' }],
  ['exportFOO=2', { exportFOO: '2' }],
  ['export_FOO =2', { export_FOO: '2' }],
  ['export.FOO= 2', { 'export.FOO': '2' }],
  ['export OPTION_A="export A"', { OPTION_A: 'export A' }],
  ['FOO="bar\\nbaz"', { FOO: 'bar\nbaz' }],
  ['FOO=a\\tb', { FOO: 'a\\tb' }],
  ['FOO="a\\tb"', { FOO: 'a\tb' }],
  ['KEY="Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z"', { KEY: 'Z\x07Z\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ' }],
  ['FOO.BAR=foobar', { 'FOO.BAR': 'foobar' }],
  ['FOO=foobar=', { FOO: 'foobar=' }],
  ['FOO=bar ', { FOO: 'bar' }],
  ['FOO=bar # this is foo', { FOO: 'bar' }],
  ['FOO=bar #', { FOO: 'bar' }],
  ['FOO=bar #this is foo', { FOO: 'bar' }],
  ['FOO="bar#baz"', { FOO: 'bar#baz' }],
  ['FOO="bar#baz#bang" # comment', { FOO: 'bar#baz#bang' }],
  ['FOO="ba#r"', { FOO: 'ba#r' }],
  ["FOO='ba#r'", { FOO: 'ba#r' }],
  ['FOO="bar\\\\r\\ b\\az"', { FOO: 'bar\\r\\ b\x07z' }],
  ['   KEY=value', { KEY: 'value' }],
  ['KEY="\\0123"', { KEY: 'S' }],
  ['KEY="\\U00101234"', { KEY: '\\U00101234' }],
  ['A=1\r\nB="two"\r\nC=3 # c\r\n', { A: '1', B: 'two', C: '3' }],
  ['A="x\r\ny"\r\n', { A: 'x\ny' }],
  ['FOO="bar"BAZ=1', { FOO: 'bar', BAZ: '1' }],
  ['export', {}],
  ['KEY=', { KEY: '' }],
  ['FOO=123#not-an-inline-comment', { FOO: '123#not-an-inline-comment' }],
  ['FOO="bar#baz" # comment', { FOO: 'bar#baz' }],
  ["FOO='bar#baz' # comment", { FOO: 'bar#baz' }],
  ['FOO="bar#baz"#', { FOO: 'bar#baz' }],
  ['FOO="bar\\n\\ b\\az"', { FOO: 'bar\n\\ b\x07z' }],
  ['FOO="bar\\\\\\n\\ b\\az"', { FOO: 'bar\\\n\\ b\x07z' }],
  ['FOO="bar\\nbaz\\\\"', { FOO: 'bar\nbaz\\' }],
  ['="value"', { '': 'value' }],
  [' KEY =value', { KEY: 'value' }],
  ['\tKEY=value', { KEY: 'value' }],
  ['KEY="\\x07"', { KEY: '\\x07' }],
  ['KEY="\\u12e4"', { KEY: '\\u12e4' }],
  ['\n\r\n\t\t \n# Comment\n\t # comment\n', {}],
  ['ONE=1\nTWO=\'2\'\nTHREE = "3"', { ONE: '1', TWO: '2', THREE: '3' }],
  ['A="x\ny"', { A: 'x\ny' }],
  ['FOO=test\nBAR=$FOO', { FOO: 'test', BAR: 'test' }],
  ['FOO=test\nBAR=${FOO}bar', { FOO: 'test', BAR: 'testbar' }],
  ['BAR=$FOO', { BAR: '' }],
  ['FOO=test\nBAR="quote $FOO"', { FOO: 'test', BAR: 'quote test' }],
  ["BAR='quote $FOO'", { BAR: 'quote $FOO' }],
  ['FOO="foo\\$BAR"', { FOO: 'foo$BAR' }],
  ['FOO="foo\\${BAR}"', { FOO: 'foo${BAR}' }],
  ['FOO=test\nBAR="foo\\${FOO} ${FOO}"', { FOO: 'test', BAR: 'foo${FOO} test' }],
  ['RESULT=${UNSET_VAR:-Default Value}', { RESULT: 'Default Value' }],
];

describe('parseDotenv line rules', () => {
  it.each(LINES)('%j', (text, expected) => {
    expect(map(text)).toEqual(expected);
  });

  it.each(['KEY="', 'KEY="value', 'KEY="value\\"', 'KEY="value\'', "KEY='value", "KEY='", "KEY='value\\'", "KEY='value\""])('%j is unterminated', (text) => {
    const result = parseDotenv(text, '.env', none);
    expect(result.diagnostics).toMatchObject([{ code: 'DOTENV_SYNTAX', message: expect.stringContaining('unterminated') }]);
  });

  it('rejects bad keys with their line and column', () => {
    expect(parseDotenv('A=1\nlol$wut', '.env', none).diagnostics).toMatchObject([
      { code: 'DOTENV_SYNTAX', message: expect.stringContaining('unexpected character "$"'), location: { file: '.env', line: 2, column: 4 } },
    ]);
    expect(parseDotenv('A="x\ny"\nINVALID LINE', '.env', none).diagnostics).toMatchObject([
      { message: 'key cannot contain a space', location: { line: 3 } },
    ]);
  });

  it('locates an unterminated quote at its key, counting lines inside earlier quotes', () => {
    expect(parseDotenv('A="x\ny"\n  B="open', '.env', none).diagnostics).toMatchObject([
      { severity: 'error', code: 'DOTENV_SYNTAX', location: { file: '.env', line: 3, column: 3 } },
    ]);
  });

  it('keeps the values parsed before an error', () => {
    const result = parseDotenv('A=1\nB C=2\nD=3', '.env', none);
    expect(result.values).toEqual([['A', '1']]);
    expect(result.diagnostics).toHaveLength(1);
  });

  it('keeps every occurrence in order, so that the later one wins in a map', () => {
    expect(parseDotenv('A=1\nB=2\nA=3', '.env', none).values).toEqual([['A', '1'], ['B', '2'], ['A', '3']]);
  });

  it('inherits bare keys from the lookup, or leaves them out', () => {
    expect(map('FOO\nBAR', (n) => (n === 'FOO' ? 'from-os' : undefined))).toEqual({ FOO: 'from-os' });
  });

  it('interpolates with the lookup before the file\'s own values', () => {
    const lookup = (n: string) => ({ TEST_VAR: 'Test Value', EMPTY_VAR: '', OPTION_A: '5' })[n];
    expect(map('OPTION_A=1\nB=${OPTION_A}', lookup)).toEqual({ OPTION_A: '1', B: '5' });
    expect(map('R=${EMPTY_VAR-Default Value}', lookup)).toEqual({ R: '' });
    expect(parseDotenv('R=${UNSET_VAR:?Test error}', '.env', lookup).diagnostics[0]).toMatchObject({
      code: 'DOTENV_INTERPOLATION',
      message: expect.stringContaining('Test error'),
    });
  });

  it('reports a bad interpolation at the value', () => {
    expect(parseDotenv('A=1\nB=x${', '.env', none).diagnostics).toMatchObject([
      { code: 'DOTENV_INTERPOLATION', location: { file: '.env', line: 2, column: 3 } },
    ]);
  });

  it('reads the raw format literally', () => {
    const result = parseDotenv('A="quoted" \n# c\n  B=$X\nC\nbad key=1\n', 'env', (n) => (n === 'C' ? 'c' : undefined), { format: 'raw' });
    expect(result.values).toEqual([['A', '"quoted" '], ['B', '$X'], ['C', 'c']]);
    expect(result.diagnostics).toMatchObject([{ code: 'DOTENV_SYNTAX', location: { line: 5 } }]);
  });

  it('raw format: a BOM, CRLF line ends, an empty key, a bare unknown key', () => {
    const result = parseDotenv('\uFEFFA=1 \r\n=x\r\nUNKNOWN\r\nexport B=2\r\n', 'env', none, { format: 'raw' });
    expect(result.values).toEqual([['A', '1 ']]);
    expect(result.diagnostics).toMatchObject([
      { code: 'DOTENV_SYNTAX', location: { line: 2 } },
      { code: 'DOTENV_SYNTAX', message: expect.stringContaining('export B'), location: { line: 4 } },
    ]);
  });
});

/** TestExpanding and godotenv_var_expansion_test.go, with envMap EMPTY_VAR="" and TEST_VAR="Test Value". */
describe('parseDotenv expansion', () => {
  const envMap = (n: string) => ({ EMPTY_VAR: '', TEST_VAR: 'Test Value' } as Record<string, string>)[n];
  const ROWS: [string, string][] = [
    ['RESULT=${UNSET_VAR:-Default Value}', 'Default Value'],
    ['RESULT=${EMPTY_VAR:-Default Value}', 'Default Value'],
    ['RESULT=${TEST_VAR:-Default Value}', 'Test Value'],
    ['RESULT=${UNSET_VAR-Default Value}', 'Default Value'],
    ['RESULT=${EMPTY_VAR-Default Value}', ''],
    ['RESULT=${EMPTY_VAR?Test error}', ''],
    ['RESULT="${TEST_VAR:+alt}"', 'alt'],
    ["RESULT='${UNSET_VAR:?not interpolated}'", '${UNSET_VAR:?not interpolated}'],
  ];
  it.each(ROWS)('%s', (line, expected) => {
    expect(map(line, envMap)).toEqual({ RESULT: expected });
  });
  it.each(['RESULT=${UNSET_VAR:?Test error}', 'RESULT=${EMPTY_VAR:?Test error}', 'RESULT=${UNSET_VAR?Test error}'])(
    '%s is a required-variable error naming its reason',
    (line) => {
      expect(parseDotenv(line, '.env', envMap).diagnostics).toMatchObject([
        { severity: 'error', code: 'DOTENV_INTERPOLATION', message: expect.stringContaining('Test error') },
      ]);
    },
  );
  it('TEST=$ME with the lookup ME=YES', () => {
    expect(map('TEST=$ME', (n) => (n === 'ME' ? 'YES' : undefined))).toEqual({ TEST: 'YES' });
  });
  it('TestEnvVariablePrecedence: FOO=foo, BAR=${FOO}', () => {
    expect(map('FOO=foo\nBAR=${FOO}')).toEqual({ FOO: 'foo', BAR: 'foo' });
    // The file's own FOO is returned, but interpolation sees the process value first.
    expect(map('FOO=foo\nBAR=${FOO}', (n) => (n === 'FOO' ? 'zot' : undefined))).toEqual({ FOO: 'foo', BAR: 'zot' });
  });
});

warnIfNoShared('the dotenv fixture files');
describe.skipIf(!HAVE_SHARED)('dotenv fixture files', () => {
  const fixture = (name: string, lookup: (n: string) => string | undefined = none) =>
    map(readFileSync(sharedPath('compose-reference/fixtures/compose-go/dotenv/fixtures', name), 'utf8'), lookup);
  const plain = { OPTION_A: '1', OPTION_B: '2', OPTION_C: '3', OPTION_D: '4', OPTION_E: '5', OPTION_F: '', OPTION_G: '', OPTION_H: 'my string' };

  it('plain.env and utf8-bom.env', () => {
    expect(fixture('plain.env')).toMatchObject(plain);
    expect(fixture('plain.env')['456']).toBe('ABC');
    expect(fixture('utf8-bom.env')).toMatchObject(plain);
  });
  it('quoted.env', () => {
    expect(fixture('quoted.env')).toEqual({
      OPTION_A: '1', OPTION_B: '2', OPTION_C: '', OPTION_D: '\\n', OPTION_E: '1', OPTION_F: '2', OPTION_G: '',
      OPTION_H: '\n', OPTION_I: "echo 'asd'", OPTION_J: 'first line\nsecond line\nthird line\nand so on',
      OPTION_K: "Let's go!", OPTION_Z: 'last value',
    });
  });
  it('exported.env, equals.env, special.env', () => {
    expect(fixture('exported.env')).toEqual({ OPTION_A: '2', OPTION_B: '\\n' });
    expect(fixture('equals.env')).toEqual({ OPTION_A: 'postgres://localhost:5432/database?sslmode=disable' });
    expect(Object.keys(fixture('special.env'))).toEqual(expect.arrayContaining(['VAR.WITH.DOTS', 'VAR_WITH_UNDERSCORES', 'VAR-WITH-DASHES']));
  });
  it('substitutions.env with and without an OS value', () => {
    expect(fixture('substitutions.env')).toMatchObject({ OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' });
    const os = (n: string) => (n === 'OPTION_A' ? '5' : undefined);
    expect(fixture('substitutions.env', os)).toMatchObject({ OPTION_A: '1', OPTION_B: '5', OPTION_C: '5', OPTION_D: '5_5', OPTION_E: '' });
    expect(fixture('substitutions-default.env', os)).toMatchObject({ OPTION_A: '5', OPTION_B: '5', OPTION_D: '5_5' });
  });
  it('inherited keys', () => {
    expect(fixture('inherited-not-found.env')).toEqual({});
    expect(fixture('inherited-multi-var.env', (n) => (n === 'VAR_TO_BE_LOADED_FROM_OS_ENV' ? 'os' : undefined))).toMatchObject({ VAR_TO_BE_LOADED_FROM_OS_ENV: 'os' });
  });
  it('unquoted.env', () => {
    expect(fixture('unquoted.env')).toMatchObject({ OPTION_A: 'some quoted phrase', OPTION_E: 'then another one quoted phrase' });
  });
  it('inherited-single-var.env', () => {
    expect(fixture('inherited-single-var.env', (n) => (n === 'VAR_TO_BE_LOADED_FROM_OS_ENV' ? 'os' : undefined))).toEqual({ VAR_TO_BE_LOADED_FROM_OS_ENV: 'os' });
    expect(fixture('inherited-single-var.env')).toEqual({});
  });
  it('inherited-multi-var.env keeps the other keys', () => {
    expect(fixture('inherited-multi-var.env')).toEqual({ foo: 'bar', bar: 'baz' });
  });
  it('unquoted.env, every key', () => {
    expect(fixture('unquoted.env')).toEqual({
      OPTION_A: 'some quoted phrase',
      OPTION_B: 'first one with an unquoted phrase',
      OPTION_C: 'then another one with an unquoted phrase',
      OPTION_D: 'then another one with an unquoted phrase special è char',
      OPTION_E: 'then another one quoted phrase',
    });
  });
  it('special.env values', () => {
    expect(fixture('special.env')).toEqual({ 'VAR.WITH.DOTS': 'dots', VAR_WITH_UNDERSCORES: 'underscores', 'VAR-WITH-DASHES': 'dashes' });
  });
  it('substitutions-default.env without an OS value', () => {
    expect(fixture('substitutions-default.env')).toMatchObject({ OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' });
  });
  it('custom.format reads as KEY:VALUE lines with the default rules (Compose registers no custom format)', () => {
    expect(fixture('custom.format')).toEqual({ FOO: 'BAR', ZOT: 'QIX' });
  });
  it('TestMultipleFiles: process env first, then this file, then earlier files (via fallback)', () => {
    const base = 'ENV_HOSTNAME=localhost\nENV_MY_URL="http://${ENV_HOSTNAME}"\n';
    const override = 'ENV_HOSTNAME=dev.my-company.com\nENV_MY_URL="http://${ENV_HOSTNAME}"\n';
    const readAll = (os: Record<string, string>) => {
      const seen = new Map<string, string>();
      for (const text of [base, override]) {
        const result = parseDotenv(text, '.env', (n) => os[n], { fallback: (n) => seen.get(n) });
        for (const [k, v] of result.values) seen.set(k, v);
      }
      return Object.fromEntries(seen);
    };
    expect(readAll({})).toEqual({ ENV_HOSTNAME: 'dev.my-company.com', ENV_MY_URL: 'http://dev.my-company.com' });
    expect(readAll({ ENV_HOSTNAME: 'host.local' })).toEqual({ ENV_HOSTNAME: 'dev.my-company.com', ENV_MY_URL: 'http://host.local' });
  });
  it('invalid1.env reports line 7', () => {
    const text = readFileSync(sharedPath('compose-reference/fixtures/compose-go/dotenv/fixtures/invalid1.env'), 'utf8');
    expect(parseDotenv(text, 'invalid1.env', none).diagnostics).toMatchObject([{ message: 'key cannot contain a space', location: { line: 7 } }]);
  });
});
