/**
 * Serializing output objects. Every document is printed the same way: keys sorted in code-point order, no anchors
 * or aliases, no line folding, and strings that a YAML 1.1 reader (Kubernetes, Helm, older tools) would take for
 * something else quoted (`"yes"`, `"on"`, `"0755"`, `"1_000"`).
 */
import { Document, isMap, isScalar, visit, type ToStringOptions } from 'yaml';

const TO_STRING: ToStringOptions = {
  lineWidth: 0,
  minContentWidth: 0,
  indentSeq: true,
  singleQuote: false,
};

/** Prints one value as a YAML document (no `---` marker), ending with a newline. */
export function toYaml(value: unknown): string {
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false, keepUndefined: false });
  visit(doc, {
    Map(_key, node) {
      node.items.sort((a, b) => compareKeys(a.key, b.key));
    },
    Scalar(_key, node) {
      // A multi-line string reads best as a literal block; everything else stays on one line.
      if (typeof node.value === 'string' && node.value.includes('\n') && !/[\t\r]|[ ]\n/.test(node.value)) {
        node.type = 'BLOCK_LITERAL';
      }
    },
  });
  return doc.toString(TO_STRING);
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

function compareKeys(a: unknown, b: unknown): number {
  const ka = keyText(a);
  const kb = keyText(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (isMap(key)) return '';
  return String(key);
}
