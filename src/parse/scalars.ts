/**
 * Plain YAML scalars resolved the way Go's yaml.v3 (used by compose-go and docker/cli) resolves them, not the way
 * the `yaml` package's YAML 1.2 core schema does: `0755` is the octal 493, `1_000` is 1000, only
 * true/True/TRUE/false/False/FALSE are booleans (`yes`/`on` stay strings), and unquoted timestamps stay strings.
 */

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS: Record<string, number> = {
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
};

/** A plain (unquoted, untagged) scalar's value. */
export function resolvePlainScalar(text: string): string | number | boolean | null {
  if (NULLS.has(text)) return null;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  const first = text.charCodeAt(0);
  // Only text starting with a sign, a dot or a digit can be a number; most scalars are rejected here cheaply.
  const maybeNumber = first === 43 || first === 45 || first === 46 || (first >= 48 && first <= 57);
  if (!maybeNumber) return text;
  const integer = parseGoInteger(text.replace(/_/g, ''));
  if (integer !== undefined) return integer;
  if (FLOAT.test(text)) return Number(text);
  if (text in SPECIAL_FLOATS) return SPECIAL_FLOATS[text]!;
  return text;
}

/** Go's `strconv.ParseInt(s, 0, 64)`: optional sign, then `0x`, `0o`, `0b`, a leading `0` (octal), or decimal. */
export function parseGoInteger(text: string): number | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  const digits = match[2]!;
  let value: number;
  if (/^0[xX]/.test(digits)) value = parseInt(digits.slice(2), 16);
  else if (/^0[oO]/.test(digits)) value = parseInt(digits.slice(2), 8);
  else if (/^0[bB]/.test(digits)) value = parseInt(digits.slice(2), 2);
  else if (digits.length > 1 && digits.startsWith('0')) value = parseInt(digits.slice(1), 8);
  else value = parseInt(digits, 10);
  return sign * value;
}
