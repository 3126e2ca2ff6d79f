/**
 * Turning an object into Helm template text. The object is first copied with some fields replaced by placeholder
 * tokens (slots); the copy is printed like any other manifest, and each placeholder line is then rewritten into
 * the template action that reads the field from values.yaml. Printing first keeps the templates' layout, key order
 * and quoting identical to the plain manifests.
 */
import { toYaml } from '../yaml.js';

/** How one field is read from values. */
export type Slot =
  /** `key: {{ expr }}`: always present. */
  | { kind: 'scalar'; expr: string }
  /** The key only when `map` has `key` (so 0 stays 0); an unquoted scalar. */
  | { kind: 'keyedScalar'; map: string; key: string }
  /** The key only when the value is non-empty; a quoted scalar. */
  | { kind: 'optionalScalar'; expr: string }
  /** The key only when the value is non-empty; a mapping or sequence printed with toYaml. */
  | { kind: 'optionalBlock'; expr: string };

const TOKEN = 'stackportHelmSlot';
const SLOT_LINE = new RegExp(`^( *)(- )?([A-Za-z][A-Za-z0-9]*): ${TOKEN}(\\d+)$`);

/** Collects slots for one object and hands out the placeholder that stands for each. */
export class SlotTable {
  readonly slots: Slot[] = [];

  /** The placeholder value to put into the object copy where `slot` goes. */
  add(slot: Slot): string {
    this.slots.push(slot);
    return `${TOKEN}${this.slots.length - 1}`;
  }
}

/**
 * Prints `object` (already carrying placeholders) as template text. Literal `{{` in the object's own content is
 * escaped so Helm prints it as written.
 */
export function templateText(object: unknown, table: SlotTable): string {
  const lines = escapeActions(toYaml(object)).replace(/\n$/, '').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const m = SLOT_LINE.exec(line);
    if (!m) {
      if (line.includes(TOKEN)) throw new Error(`a Helm slot landed where a template cannot read it: ${line}`);
      out.push(line);
      continue;
    }
    let indent = m[1]!;
    if (m[2]) {
      // A sequence item that starts with a slot: the dash stands alone so the slot's key can come and go.
      out.push(`${indent}-`);
      indent += '  ';
    }
    out.push(...slotLines(indent, m[3]!, table.slots[Number(m[4])]!));
  }
  return `${out.join('\n')}\n`;
}

function slotLines(indent: string, key: string, slot: Slot): string[] {
  switch (slot.kind) {
    case 'scalar':
      return [`${indent}${key}: {{ ${slot.expr} }}`];
    case 'keyedScalar':
      return [`{{- if hasKey ${slot.map} "${slot.key}" }}`, `${indent}${key}: {{ ${slot.map}.${slot.key} }}`, '{{- end }}'];
    case 'optionalScalar':
      return [`{{- with ${slot.expr} }}`, `${indent}${key}: {{ . | quote }}`, '{{- end }}'];
    case 'optionalBlock':
      return [
        `{{- with ${slot.expr} }}`,
        `${indent}${key}:`,
        `${indent}  {{- toYaml . | nindent ${indent.length + 2} }}`,
        '{{- end }}',
      ];
  }
}

/** `{{` in literal text becomes an action that prints `{{`. */
export function escapeActions(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}
