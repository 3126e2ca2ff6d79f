/**
 * Serializing output objects. Every document is printed the same way: block style, keys sorted in code-point
 * order, no anchors or aliases, no line folding, multi-line strings as literal blocks, and any string that a YAML
 * 1.1 or 1.2 reader (Kubernetes, Helm, Docker, older tools) would take for something else quoted (`"yes"`, `"on"`,
 * `"0755"`, `"1_000"`, `"12:30"`).
 *
 * The printer is stackport's own rather than the yaml package's: output is plain data, so a small printer does
 * the job in a fraction of the time, and the CLI need not load a general YAML library to print a few objects.
 */

/** Prints one value as a YAML document (no `---` marker), ending with a newline. */
export function toYaml(value: unknown): string {
  const out: string[] = [];
  const data = plainData(value);
  if (isMapping(data) && hasEntries(data)) mappingLines(data, '', '', out);
  else if (Array.isArray(data) && data.length > 0) sequenceLines(data, '', '', out);
  else out.push(isMapping(data) ? '{}' : Array.isArray(data) ? '[]' : scalar(data, ''));
  return `${out.join('\n')}\n`;
}

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasEntries(map: Mapping): boolean {
  for (const k in map) if (Object.prototype.hasOwnProperty.call(map, k) && map[k] !== undefined) return true;
  return false;
}

/** Objects that define toJSON (such as a redacted secret) print as what it returns. */
function plainData(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}

/**
 * Appends a non-empty mapping's lines to `out`, one line per entry; the first line starts with `first` (the
 * `- ` of a sequence item it sits in, or the indentation), the others with `indent`.
 */
function mappingLines(map: Mapping, first: string, indent: string, out: string[]): void {
  const keys = Object.keys(map).sort(compareText);
  const inner = `${indent}  `;
  let lead = first;
  for (const k of keys) {
    const value = map[k];
    if (value === undefined) continue;
    entry(`${lead}${key(k)}:`, plainData(value), inner, out);
    lead = indent;
  }
}

function sequenceLines(items: readonly unknown[], first: string, indent: string, out: string[]): void {
  const inner = `${indent}  `;
  for (let i = 0; i < items.length; i++) {
    const value = plainData(items[i]) ?? null;
    const dash = i === 0 ? `${first}-` : `${indent}-`;
    // A collection inside a sequence starts on the dash's line.
    if (isMapping(value) && hasEntries(value)) mappingLines(value, `${dash} `, inner, out);
    else if (Array.isArray(value) && value.length > 0) sequenceLines(value, `${dash} `, inner, out);
    else out.push(`${dash} ${inline(value, inner)}`);
  }
}

/** One `key:` line and its value: on the same line when it is a scalar or empty, else on the lines after. */
function entry(head: string, value: unknown, inner: string, out: string[]): void {
  if (isMapping(value) && hasEntries(value)) {
    out.push(head);
    mappingLines(value, inner, inner, out);
  } else if (Array.isArray(value) && value.length > 0) {
    out.push(head);
    sequenceLines(value, inner, inner, out);
  } else out.push(`${head} ${inline(value, inner)}`);
}

/** A scalar, or an empty collection, as written after `key:` or `-`. */
function inline(value: unknown, inner: string): string {
  if (isMapping(value)) return '{}';
  if (Array.isArray(value)) return '[]';
  return scalar(value, inner);
}

function scalar(value: unknown, inner: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'bigint') return value.toString();
  const text = String(value);
  if (isLiteralBlock(text)) return literalBlock(text, inner);
  return needsQuotes(text) ? doubleQuoted(text) : text;
}

/** Printed keys: the same few hundred names recur in every object, so each is worked out once. */
const printedKeys = new Map<string, string>();

function key(text: string): string {
  let printed = printedKeys.get(text);
  if (printed === undefined) {
    printed = needsQuotes(text) || text.includes('\n') ? doubleQuoted(text) : text;
    if (printedKeys.size < 10_000) printedKeys.set(text, printed);
  }
  return printed;
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  return String(n);
}

/**
 * Multi-line strings read best as literal blocks. Some cannot be one without indentation or chomping indicators
 * that older readers get wrong (leading spaces, trailing blank lines, tabs, carriage returns, trailing spaces);
 * those are double-quoted instead.
 */
function isLiteralBlock(text: string): boolean {
  if (!text.includes('\n') || /[\t\r]|[ ]\n|[ ]$|^[ \n]|\n\n$/.test(text)) return false;
  for (let i = 0; i < text.length; i++) if (!isPrintable(text.charCodeAt(i)) && text[i] !== '\n') return false;
  return !LONE_SURROGATE.test(text);
}

function literalBlock(text: string, inner: string): string {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = body.split('\n').map((line) => (line === '' ? '' : inner + line));
  return `${text.endsWith('\n') ? '|' : '|-'}\n${lines.join('\n')}`;
}

const INDICATOR_START = /^[,[\]{}#&*!|>'"%@`]|^[-?:](?:[ \t]|$)|^(?:---|\.\.\.)/;
const INNER_TROUBLE = /: |:\t| #|\t#|:$|^\s|\s$/;

/** Plain scalars a YAML 1.1 or 1.2 reader resolves to something other than a string. */
const IMPLICIT_TYPES = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)$/,
  /^[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  // Some readers take even `e5` or `.e5` for a float.
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt\s])/,
  /^(?:<<|=)$/,
];

/** Most keys and values: a letter, then letters, digits and `._/-`. Only reserved words among them need quotes. */
const SIMPLE = /^[A-Za-z][A-Za-z0-9._/-]*$/;
const RESERVED_WORDS = new Set(
  'null Null NULL y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF'.split(' '),
);

function needsQuotes(text: string): boolean {
  if (SIMPLE.test(text)) return RESERVED_WORDS.has(text) || /^[eE][0-9]+$/.test(text);
  if (text === '' || INDICATOR_START.test(text) || INNER_TROUBLE.test(text)) return true;
  for (let i = 0; i < text.length; i++) if (!isPrintable(text.charCodeAt(i))) return true;
  return LONE_SURROGATE.test(text) || IMPLICIT_TYPES.some((type) => type.test(text));
}

/** YAML's printable characters (tab excluded: a plain or block scalar with a tab is quoted). */
function isPrintable(code: number): boolean {
  if (code >= 0x20 && code <= 0x7e) return true;
  // NEL, LS and PS are line breaks to a YAML 1.1 reader; surrogates are judged in pairs by the callers.
  if ((code >= 0xa0 && code <= 0xd7ff && code !== 0x2028 && code !== 0x2029) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)) return true;
  return code >= 0xd800 && code <= 0xdfff;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** JSON's double-quoted form, with what YAML cannot hold raw (DEL, C1 controls, LS, PS, BOM) escaped too. */
function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(/[\x7f-\x9f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Prints values as a multi-document stream separated by `---`. */
export function toYamlStream(values: readonly unknown[]): string {
  return values.map((v) => toYaml(v)).join('---\n');
}

/** Prints one value as JSON with sorted keys and a trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

/** A deep copy with every mapping's keys in code-point order (JSON.stringify keeps insertion order). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeysDeep(v)]));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
