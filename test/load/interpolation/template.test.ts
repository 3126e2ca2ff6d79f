import { describe, expect, it } from 'vitest';
import { substitute } from '../../../src/load/interpolation/template.js';

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
  ['+ok ${UNSET:-${BAR-defaultValue}}', '+ok '],
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
  ['${UNSET_VAR?bar-baz}', 'required variable UNSET_VAR is missing a value: bar-baz'],
];

describe('substitute', () => {
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
