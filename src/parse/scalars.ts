/**
 * Plain YAML scalars resolved the way Go's yaml.v3 (used by compose-go and docker/cli) resolves them, not the way
 * the `yaml` package's YAML 1.2 core schema does: `0755` is the octal 493, `1_000` is 1000, only
 * true/True/TRUE/false/False/FALSE are booleans (`yes`/`on` stay strings), and unquoted timestamps stay strings.
 *
 * Every key and plain value of a compose file comes through here, mostly in cold code, so the common cases (words,
 * small decimal integers, durations and sizes such as `30s` or `256m`) are decided with a few char-code tests; the
 * regexes below only see text that may really be a number.
 */

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
/** A decimal integer without sign or leading zero, short enough (15 digits) to be exact in a double. */
const SMALL_DECIMAL = /^[1-9][0-9]{0,14}$/;

/** A plain (unquoted, untagged) scalar's value. */
export function resolvePlainScalar(text: string): string | number | boolean | null {
  if (text.length === 0) return null;
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return digitLeading(text);
  // Only text starting with a sign, a dot or a digit can be a number.
  if (first === 43 || first === 45 || first === 46) return numberOrText(text);
  return text.length <= 5 ? keyword(text, first) : text;
}

/** `~`, the null words and the boolean words; any other word is a string. */
function keyword(text: string, first: number): string | boolean | null {
  switch (text.length) {
    case 1:
      return first === 126 /* ~ */ ? null : text;
    case 4:
      if (first === 110 || first === 78 /* n N */) return text === 'null' || text === 'Null' || text === 'NULL' ? null : text;
      if (first === 116 || first === 84 /* t T */) return text === 'true' || text === 'True' || text === 'TRUE' ? true : text;
      return text;
    case 5:
      if (first === 102 || first === 70 /* f F */) return text === 'false' || text === 'False' || text === 'FALSE' ? false : text;
      return text;
    default:
      return text;
  }
}

/** Text that starts with a digit: a number, or a string such as `30s`, `256m` or `2024-01-02`. */
function digitLeading(text: string): string | number {
  const last = text.charCodeAt(text.length - 1);
  // Every number ends with a (hex) digit, `.` or `_`; a unit letter at the end settles most strings at once.
  const hexLetter = (last >= 97 && last <= 102) || (last >= 65 && last <= 70);
  if (!((last >= 48 && last <= 57) || hexLetter || last === 46 || last === 95)) return text;
  // Exact in a double, and what parseInt(text, 10) gives: the common case, without the general rules below.
  if (SMALL_DECIMAL.test(text)) return Number(text);
  return numberOrText(text);
}

/** Go's rules for text that may be a number: an integer, a float, `.inf`/`.nan`, or else a string. */
function numberOrText(text: string): string | number {
  const integer = parseGoInteger(text.indexOf('_') === -1 ? text : text.replace(/_/g, ''));
  if (integer !== undefined) return integer;
  if (FLOAT.test(text)) return Number(text);
  if (text in SPECIAL_FLOATS) return SPECIAL_FLOATS[text]!;
  return text;
}

/**
 * Go's integer resolution: `strconv.ParseInt(s, 0, 64)` (optional sign, then `0x`, `0o`, `0b`, a leading `0` for
 * octal, or decimal), falling back to `ParseUint` for values above int64. A value a double cannot hold exactly
 * (beyond 2^53) is returned as its exact decimal text, the digits Go would print, instead of a rounded number:
 * `12345678901234567890` must reach an environment variable or a label unchanged. Where a number is needed (a
 * port, replicas) that text is then refused with a location, as too large.
 */
export function parseGoInteger(text: string): number | string | undefined {
  const value = parseGoIntegerNumber(text);
  if (value === undefined || Number.isSafeInteger(value)) return value;
  return exactDecimal(text);
}

/** The exact decimal value of an integer literal in Go's syntax (already known to match it). */
function exactDecimal(text: string): string {
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[-+]/, '');
  const digits = /^0[0-7]+$/.test(unsigned) ? `0o${unsigned.slice(1)}` : unsigned;
  const value = BigInt(digits);
  return (negative ? -value : value).toString();
}

function parseGoIntegerNumber(text: string): number | undefined {
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
