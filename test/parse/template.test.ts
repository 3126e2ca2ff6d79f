import { describe, expect, it } from 'vitest';
import { substitute } from '../../src/parse/template.js';

const env: Record<string, string> = { FOO: 'first', BAR: '', JSON: '{"json":2}' };
const lookup = (name: string) => env[name];

const VALUES: [string, string][] = [
  ['$${foo}', '${foo}'],
  ['foo', 'foo'],
  ['a $ string', 'a $ string'],
  ['^REGEX$', '^REGEX$'],
  ['$}', '$}'],
  ['$', '$'],
  ['$5', '$5'],
  ['$FOO-bar', 'first-bar'],
  ['This ${missing} var', 'This  var'],
  ['This ${BAR} var', 'This  var'],
  ['This $FOO var', 'This first var'],
  ['This ${FOO} var', 'This first var'],
  ['ok ${missing:-def}', 'ok def'],
  ['ok ${missing-def}', 'ok def'],
  ['ok ${BAR:-def}', 'ok def'],
  ['ok ${FOO:-def}', 'ok first'],
  ['ok ${BAR-def}', 'ok '],
  ['ok ${UNSET_VAR:+presence_value}', 'ok '],
  ['ok ${UNSET_VAR+presence_value}', 'ok '],
  ['ok ${FOO:+presence_value}', 'ok presence_value'],
  ['ok ${FOO+presence_value}', 'ok presence_value'],
  ['ok ${BAR+presence_value}', 'ok presence_value'],
  ['ok ${BAR:+presence_value}', 'ok '],
  ['ok ${BAR:-/non:-alphanumeric}', 'ok /non:-alphanumeric'],
  ['-ok ${BAR:-defaultValue}', '-ok defaultValue'],
  ['+ok ${UNSET:-${BAR-defaultValue}}', '+ok '],
  ['-ok ${FOO:-defaultValue}', '-ok first'],
  [':-ok ${BAR-defaultValue}', ':-ok '],
  [':?ok ${BAR-defaultValue}', ':?ok '],
  ['+ok ${BAR-defaultValue}', '+ok '],
  [':+ok ${BAR:-defaultValue}', ':+ok defaultValue'],
  ['?ok ${BAR:-defaultValue}', '?ok defaultValue'],
  ['ok ${UNSET_VAR-${FOO}}', 'ok first'],
  ['ok ${BAR:-$FOO}', 'ok first'],
  ['ok ${BAR:-${FOO}}', 'ok first'],
  ['${BAR:-default_value_for_empty_var}', 'default_value_for_empty_var'],
  ['${UNSET_VAR-default_value_for_unset_var}', 'default_value_for_unset_var'],
  [':-ok ${UNSET-defaultValue}', ':-ok defaultValue'],
  [':?ok ${BAR:-defaultValue}', ':?ok defaultValue'],
  ['ok ${UNSET_VAR-$FOO}', 'ok first'],
  ['ok ${UNSET_VAR-${FOO} ${FOO}}', 'ok first first'],
  ['ok ${BAR:-${FOO} ${FOO}}', 'ok first first'],
  ['ok ${BAR+$FOO}', 'ok first'],
  ['ok ${BAR+$FOO ${FOO:+second}}', 'ok first second'],
  ['ok ${FOO:?err}', 'ok first'],
  ['ok ${FOO?err}', 'ok first'],
  ['ok ${BAR?err}', 'ok '],
  ['${UNSET_VAR-myerror?msg}', 'myerror?msg'],
  ['${FOO?bar-baz}', 'first'],
  ['ok ${missing:-{"json":1}}', 'ok {"json":1}'],
  ['ok ${missing-{"json":1}}', 'ok {"json":1}'],
  ['ok ${JSON:-{"json":1}}', 'ok {"json":2}'],
  ['ok ${SUBDOMAIN:-redis}.${FOO:?}', 'ok redis.first'],
  ['${FOO:-${BAR:-${ZOT:-qix}}}', 'first'],
  ['${UNSET:-${BAR:-x}_test_${BAR:-y}}', 'x_test_y'],
  ['${UNSET:-${BAR:-${ZOT:-x}}_test}', 'x_test'],
];

const INVALID = ['${', '${}', '${ }', '${ foo}', '${foo }', '${foo!}', '${V/a/b}', '${#V}'];

const REQUIRED: [string, string][] = [
  ['not ok ${UNSET_VAR:?Mandatory Variable Unset}', 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset'],
  ['not ok ${BAR:?Mandatory Variable Empty}', 'required variable BAR is missing a value: Mandatory Variable Empty'],
  ['not ok ${UNSET_VAR:?}', 'required variable UNSET_VAR is missing a value'],
  ['not ok ${UNSET_VAR?}', 'required variable UNSET_VAR is missing a value'],
  ['not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}', 'required variable UNSET_VAR is missing a value: Mandatory Variable first'],
  ['not ok ${UNSET_VAR?Mandatory Variable Unset}', 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset'],
  ['not ok ${UNSET_VAR?Mandatory Variable ${FOO}}', 'required variable UNSET_VAR is missing a value: Mandatory Variable first'],
  ['${UNSET_VAR?bar-baz}', 'required variable UNSET_VAR is missing a value: bar-baz'],
];

/**
 * compose-go's TestSubstitutionFunctionChoice: the operator whose first occurrence comes earliest after the name
 * wins. Each body is run with VARNAME unset, empty and set, and must behave like its operator.
 */
const OPERATORS: [string, ':?' | '?' | ':-' | '-' | ':+' | '+'][] = [
  ['VARNAME:?val?ue', ':?'],
  ['VARNAME?val:?ue', '?'],
  ['VARNAME?va-lu+e:?e', '?'],
  ['VARNAME?va+lu-e:?e', '?'],
  ['VARNAME:-value', ':-'],
  ['VARNAME-va:-lu:?e', '-'],
  ['VARNAME-va+lu?e', '-'],
  ['VARNAME-va?lu+e', '-'],
  ['VARNAME:+va:?lu:-e', ':+'],
  ['VARNAME+va:+lue', '+'],
  ['VARNAME+va?lu-e', '+'],
  ['VARNAME+va-lu?e', '+'],
];

/** What each operator yields for an unset, an empty and a set variable (`ERR` for a required-variable error). */
function expectedFor(op: string, arg: string, value: string | undefined): string {
  const missing = value === undefined || (op.startsWith(':') && value === '');
  switch (op.replace(':', '')) {
    case '-':
      return missing ? arg : value!;
    case '+':
      return missing ? '' : arg;
    default:
      return missing ? 'ERR' : value!;
  }
}

describe('substitute: operator choice', () => {
  it.each(OPERATORS)('${%s} uses %s', (body, op) => {
    const arg = body.slice('VARNAME'.length + op.length);
    for (const value of [undefined, '', 'set']) {
      const result = substitute(`\${${body}}`, (n) => (n === 'VARNAME' ? value : undefined));
      const got = result.ok ? result.value : result.kind === 'required' ? 'ERR' : 'INVALID';
      expect(got).toBe(expectedFor(op, arg, value));
    }
  });
});

describe('substitute', () => {
  it('returns the very same string when there is no $ (the fast path)', () => {
    const text = 'x'.repeat(1000);
    expect(substitute(text, () => { throw new Error('looked up'); })).toEqual({ ok: true, value: text, unset: [] });
  });
  it('names the missing variable in a required error', () => {
    expect(substitute('${UNSET_VAR?bar-baz}', lookup)).toMatchObject({ ok: false, variable: 'UNSET_VAR' });
  });

  it.each(VALUES)('%s -> %s', (input, expected) => {
    expect(substitute(input, lookup)).toMatchObject({ ok: true, value: expected });
  });
  it.each(INVALID)('%s is an invalid template', (input) => {
    expect(substitute(input, lookup)).toMatchObject({ ok: false, kind: 'invalid' });
  });
  it.each(REQUIRED)('%s fails: %s', (input, message) => {
    expect(substitute(input, lookup)).toEqual({ ok: false, kind: 'required', variable: expect.any(String), message });
  });
  it('reports unset variables only when their value is used (defaults are lazy)', () => {
    expect(substitute('${A:+${A},}B', lookup)).toEqual({ ok: true, value: 'B', unset: [] });
    expect(substitute('${A:-${B}}', lookup)).toEqual({ ok: true, value: '', unset: ['B'] });
    expect(substitute('${FOO?${B}}', lookup)).toEqual({ ok: true, value: 'first', unset: [] });
    expect(substitute('$MISSING and ${ALSO}', lookup)).toEqual({ ok: true, value: ' and ', unset: ['MISSING', 'ALSO'] });
  });
  it('does not rescan an escaped dollar', () => {
    expect(substitute('$$FOO', lookup)).toMatchObject({ value: '$FOO' });
  });
});
