/**
 * Serializing output objects. Every document is printed the same way: block style, keys sorted in code-point
 * order, no anchors or aliases, no line folding, multi-line strings as literal blocks, and any string that a YAML
 * 1.1 or 1.2 reader (Kubernetes, Helm, Docker, older tools) would take for something else quoted (`"yes"`, `"on"`,
 * `"0755"`, `"1_000"`, `"12:30"`).
 *
 * The printer is stackport's own rather than the yaml package's: output is plain data, so a small printer does
 * the job in a fraction of the time, and the CLI need not load a general YAML library to print a few objects.
 */
import { sortByString, sortStrings } from '../util/strings.js';

/** Prints one value as a YAML document (no `---` marker), ending with a newline. `indent`: spaces per level (default 2). */
export function toYaml(value: unknown, indent?: number): string {
  return withIndent(indent, () => {
    const out: Parts = [];
    documentParts(value, out);
    return out.join('');
  });
}

/** The smallest and largest indentation accepted (a sequence item's dash needs one column plus a space). */
export const INDENT_RANGE = [2, 8] as const;

/**
 * Runs `print` with `indent` spaces per level (Kompose's `--indent`). Printing is synchronous, so the unit can be
 * module state, restored afterwards; the usual 2 costs nothing.
 */
function withIndent<T>(indent: number | undefined, print: () => T): T {
  if (indent === undefined || indent === unit) return print();
  if (!Number.isInteger(indent) || indent < INDENT_RANGE[0] || indent > INDENT_RANGE[1]) throw new RangeError(`indent must be ${INDENT_RANGE[0]} to ${INDENT_RANGE[1]}`);
  const saved = unit;
  setUnit(indent);
  try {
    return print();
  } finally {
    setUnit(saved);
  }
}

function setUnit(indent: number): void {
  unit = indent;
  // A sequence item's content starts one level in, so the dash and its padding fill exactly one level.
  dash = `-${' '.repeat(indent - 1)}`;
  indents.length = 1;
}

/**
 * The printer appends a document's text to one array of parts (indentation, printed keys, printed values: mostly
 * strings that already exist) and joins it once. No string per line or per entry is built only to be copied into
 * a bigger one, which in a cold run over a few thousand objects was most of the printer's time and garbage.
 */
type Parts = string[];

type Mapping = Record<string, unknown>;

function documentParts(value: unknown, out: Parts): void {
  const data = plainData(value);
  if (isMapping(data)) {
    if (!mappingParts(data, 0, false, out)) out.push('{}\n');
  } else if (Array.isArray(data) && data.length > 0) sequenceParts(data, 0, false, out);
  else out.push(Array.isArray(data) ? '[]' : scalar(data, ''), '\n');
}

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Objects that define toJSON (such as a redacted secret) print as what it returns. */
function plainData(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}

/**
 * Appends a mapping's lines at `depth`, one per entry whose value is defined; returns false, having appended
 * nothing, when there is none. With `onLead` the first key continues a line already started (the `- ` of the
 * sequence item the mapping sits in).
 */
function mappingParts(map: Mapping, depth: number, onLead: boolean, out: Parts): boolean {
  const keys = sortedKeys(map);
  const indent = indentation(depth);
  let any = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const value = map[k];
    if (value === undefined) continue;
    // One call site for both cases: a branch first taken after the function is optimized would deoptimize it.
    out.push(any || !onLead ? indent : '', key(k));
    valueParts(plainData(value), depth + 1, out);
    any = true;
  }
  return any;
}

/**
 * A mapping's keys in code-point order: the one place output order is decided (emitters build in any order). Many
 * mappings are small or already in order (labels, sorted names), so a pass that finds them in order comes first.
 */
function sortedKeys(map: Mapping): string[] {
  const keys = Object.keys(map);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return sortStrings(keys);
  return keys;
}

/** Appends a non-empty sequence's items at `depth`; `onLead` as for {@link mappingParts}. */
function sequenceParts(items: readonly unknown[], depth: number, onLead: boolean, out: Parts): void {
  const indent = indentation(depth);
  for (let i = 0; i < items.length; i++) {
    if (i > 0 || !onLead) out.push(indent);
    const value = plainData(items[i]) ?? null;
    // A collection inside a sequence starts on the dash's line.
    if (isMapping(value)) {
      const mark = out.length;
      out.push(dash);
      if (!mappingParts(value, depth + 1, true, out)) {
        out.length = mark;
        out.push('- {}\n');
      }
    } else if (Array.isArray(value) && value.length > 0) {
      out.push(dash);
      sequenceParts(value, depth + 1, true, out);
    } else out.push('-', inline(value, depth + 1));
  }
}

/** What follows `key:`: a scalar or an empty collection on the same line, else a line break and the value's lines. */
function valueParts(value: unknown, depth: number, out: Parts): void {
  if (isMapping(value)) {
    const mark = out.length;
    out.push('\n');
    if (!mappingParts(value, depth, false, out)) {
      out.length = mark;
      out.push(' {}\n');
    }
  } else if (Array.isArray(value) && value.length > 0) {
    out.push('\n');
    sequenceParts(value, depth, false, out);
  } else out.push(inline(value, depth));
}

/**
 * A scalar or an empty collection as it ends a `key:` or `-` line: a space, the printed form, the line break.
 * `depth` is the indentation of a literal block's lines.
 */
function inline(value: unknown, depth: number): string {
  if (typeof value === 'string' || typeof value === 'number') {
    let printed = printedScalars.get(value);
    if (printed === undefined) {
      printed = ` ${scalar(value, indentation(depth))}\n`;
      // A multi-line string's printed form depends on where it is (a literal block's lines carry the indentation).
      if (printedScalars.size < 20_000 && (typeof value === 'number' || !value.includes('\n'))) printedScalars.set(value, printed);
    }
    return printed;
  }
  if (isMapping(value)) return ' {}\n';
  if (Array.isArray(value)) return ' []\n';
  return ` ${scalar(value, indentation(depth))}\n`;
}

/**
 * Printed single-line values, as keys below: names, labels, ports and paths recur in every object. Strings and
 * numbers can share the map, as `8080` and `"8080"` are different Map keys.
 */
const printedScalars = new Map<string | number, string>();

/** Spaces per level, and the dash that starts a sequence item. */
let unit = 2;
let dash = '- ';

/** Indentation by depth, each made once (per unit). */
const indents: string[] = [''];

function indentation(depth: number): string {
  while (indents.length <= depth) indents.push(indents[indents.length - 1]! + ' '.repeat(unit));
  return indents[depth]!;
}

function scalar(value: unknown, inner: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'bigint') return value.toString();
  const text = String(value);
  if (isSurelyPlain(text)) return text;
  if (isLiteralBlock(text)) return literalBlock(text, inner);
  return needsQuotes(text) ? doubleQuoted(text) : text;
}

/** Printed keys with their colon: the same few hundred names recur in every object, so each is worked out once. */
const printedKeys = new Map<string, string>();

function key(text: string): string {
  let printed = printedKeys.get(text);
  if (printed === undefined) {
    printed = `${isSurelyPlain(text) || !(needsQuotes(text) || text.includes('\n')) ? text : doubleQuoted(text)}:`;
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
 * The common case of {@link needsQuotes}, decided in one pass over the characters: a string that starts with a
 * letter (except `e` and `E`, which can start a float such as `e5`), `/` or `_`, holds only printable ASCII (no
 * tab or line break) and has no ` #`, no `: ` and no `:` or space at the end. No indicator and no implicit type
 * starts that way, so only the reserved words (`yes`, `null`, ...) would need quotes. False means "not proven":
 * the regular expressions decide.
 */
function isSurelyPlain(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  const first = text.charCodeAt(0);
  const lower = first | 0x20;
  if (!((lower >= 0x61 && lower <= 0x7a && lower !== 0x65) || first === 0x2f || first === 0x5f)) return false;
  let prev = first;
  for (let i = 1; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
    // ` #` starts a comment and `: ` ends a key.
    if ((code === 0x23 && prev === 0x20) || (code === 0x20 && prev === 0x3a)) return false;
    prev = code;
  }
  if (prev === 0x3a || prev === 0x20) return false;
  return n > 5 || !RESERVED_WORDS.has(text);
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

/** Prints values as a multi-document stream separated by `---`; `indent` as for {@link toYaml}. */
export function toYamlStream(values: readonly unknown[], indent?: number): string {
  return withIndent(indent, () => streamOf(values));
}

function streamOf(values: readonly unknown[]): string {
  // One join per document, then one for the stream: a single array for a whole stream grows to hundreds of
  // thousands of parts, and copying and scanning it costs more than joining twice (measured on 2,000 objects).
  const docs: string[] = [];
  const out: Parts = [];
  for (let i = 0; i < values.length; i++) {
    out.length = 0;
    documentParts(values[i], out);
    docs.push(out.join(''));
  }
  return docs.join('---\n');
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
  const entries = sortByString(
    Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined),
    ([k]) => k,
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeysDeep(v)]));
}
