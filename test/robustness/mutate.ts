/**
 * Mutations for the fuzz suite: structural changes to a parsed compose model (types swapped, keys deleted or
 * renamed, strings replaced by huge, unicode or `${...}` values, nodes duplicated) and textual changes that break
 * YAML syntax. Every mutation is a pure function of its input and a few integers, so fast-check can shrink a
 * failing case to the smallest one and a seed replays it exactly.
 */
import { parse, stringify } from 'yaml';

/** One mutation: which operator, and two integers that pick where and what. */
export type Mutation = readonly [operator: number, where: number, what: number];

/** How many operators {@link applyMutation} knows. */
export const OPERATOR_COUNT = 8;

const REPLACEMENT_VALUES: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, 65536, 2 ** 53, '', 'x', [], {}, ['a', 'b'], { a: 1 }, [{ nested: [null] }],
];

const HOSTILE_STRINGS: readonly string[] = [
  '${', '${}', '${ FOO}', '${FOO:?boom}', '${FOO?}', '${A:-${B:-${C}}}', '$$', '$', '${FOO-}', '$FOO$BAR',
  '🐳'.repeat(50), '\u202Eevil', 'a\u0000b', '\t\n\r', '../../../etc/passwd', '/etc/shadow', 'x'.repeat(20000),
  '"quoted"', "'single'", 'key=value', '80:80', '-1', '1e400', 'NaN', 'yes', 'off', '0x1F', '0o17', '__proto__',
  'constructor', 'x-kubernetes', 'http://example.com', '1:2:3:4:5', '[::1]:80:80/udp', '300ms', '1GiB',
];

const KEY_NAMES: readonly string[] = [
  '__proto__', 'constructor', 'x-extra', 'image', 'ports', 'volumes', 'environment', 'deploy', 'unknown_key',
  'services', 'networks', '', ' ', '🐳', 'a.b', 'replicas', '<<', 'extends', 'include', 'profiles',
];

const SYNTAX_BREAKERS: readonly string[] = [':', '{', '}', '[', ']', '&a', '*a', '!', '|', '>', '- ', "'", '"', '\t', '%', '@', '`', '\n  ', ': :', '<<: *x'];

type Container = Record<string, unknown> | unknown[];
interface Slot {
  parent: Container;
  key: string | number;
}

/** Applies one mutation to compose text. The result may be any text at all, valid YAML or not. */
export function applyMutation(text: string, [operator, where, what]: Mutation): string {
  const op = operator % OPERATOR_COUNT;
  if (op === 6) return breakSyntax(text, where, what);
  if (op === 7) return duplicateLine(text, where);
  let model: unknown;
  try {
    model = parse(text, { merge: true, maxAliasCount: 1000, logLevel: 'error' });
  } catch {
    return breakSyntax(text, where, what);
  }
  const root = { root: model };
  const slots = collectSlots(root);
  const slot = slots[where % slots.length]!;
  mutateSlot(op, slot, what);
  // Deleting the root leaves nothing: the empty document, which is an input like any other.
  return root.root === undefined ? '' : (stringify(root.root, { aliasDuplicateObjects: false, lineWidth: 0 }) ?? '');
}

function mutateSlot(op: number, slot: Slot, what: number): void {
  const { parent, key } = slot;
  const current = (parent as Record<string | number, unknown>)[key];
  switch (op) {
    case 0:
      set(parent, key, REPLACEMENT_VALUES[what % REPLACEMENT_VALUES.length]);
      return;
    case 1:
      remove(parent, key);
      return;
    case 2:
      rename(parent, key, KEY_NAMES[what % KEY_NAMES.length]!);
      return;
    case 3:
      set(parent, key, HOSTILE_STRINGS[what % HOSTILE_STRINGS.length]);
      return;
    case 4:
      duplicate(parent, key, current);
      return;
    default:
      set(parent, key, typeof current === 'string' ? `${current}${HOSTILE_STRINGS[what % HOSTILE_STRINGS.length]}` : String(current));
  }
}

function collectSlots(root: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [];
  const visit = (container: Container) => {
    const keys: (string | number)[] = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    for (const key of keys) {
      slots.push({ parent: container, key });
      const child = (container as Record<string | number, unknown>)[key];
      if (child !== null && typeof child === 'object') visit(child as Container);
    }
  };
  visit(root);
  return slots;
}

function set(parent: Container, key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = structuredClone(value);
  else Object.defineProperty(parent, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
}

function remove(parent: Container, key: string | number): void {
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key as string];
}

function rename(parent: Container, key: string | number, to: string): void {
  if (Array.isArray(parent)) return;
  const value = parent[key as string];
  delete parent[key as string];
  set(parent, to, value);
}

function duplicate(parent: Container, key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent.push(structuredClone(value));
  else set(parent, `${String(key)}_copy`, value);
}

function breakSyntax(text: string, where: number, what: number): string {
  const at = text.length === 0 ? 0 : where % (text.length + 1);
  const breaker = SYNTAX_BREAKERS[what % SYNTAX_BREAKERS.length]!;
  return what % 5 === 0 ? text.slice(0, at) : text.slice(0, at) + breaker + text.slice(at);
}

function duplicateLine(text: string, where: number): string {
  const lines = text.split('\n');
  const i = where % lines.length;
  lines.splice(i, 0, lines[i]!);
  return lines.join('\n');
}
