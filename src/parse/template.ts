/**
 * Compose's variable substitution in one string (compose-semantics §3.1-3.2): `$VAR`, `${VAR}`, `${VAR:-d}`,
 * `${VAR-d}`, `${VAR:?msg}`, `${VAR?msg}`, `${VAR:+alt}`, `${VAR+alt}`, nested and lazily substituted defaults,
 * and `$$` for a literal `$`. A `$` that starts none of these is kept as written. A text syntax shared by compose
 * files (`load/interpolation/`) and env files (`dotenv.ts`), so it sits in `parse/`, below both readers.
 */

/** Looks a variable up; undefined when unset. */
export type Lookup = (name: string) => string | undefined;

/** The result of substituting one string. */
export type SubstitutionResult =
  | { ok: true; value: string; unset: string[] }
  | { ok: false; kind: 'invalid' | 'required'; variable?: string; message: string };

const DOLLAR = 0x24;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const COLON = 0x3a;

/**
 * Substitutes every variable reference in `template`. The scan works on character codes and cuts out only the names
 * it looks up: it runs on every string holding a `$`, mostly before V8 has optimised it, where a regular expression
 * costs its compilation and each `slice` an allocation.
 */
export function substitute(template: string, lookup: Lookup): SubstitutionResult {
  if (!template.includes('$')) return { ok: true, value: template, unset: [] };
  const unset: string[] = [];
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, dollar);
    const next = template.charCodeAt(dollar + 1);
    if (next === DOLLAR) {
      out += '$';
      i = dollar + 2;
    } else if (isNameStart(next)) {
      const end = nameEnd(template, dollar + 1);
      const name = template.slice(dollar + 1, end);
      const value = lookup(name);
      if (value === undefined) unset.push(name);
      out += value ?? '';
      i = end;
    } else if (next === OPEN) {
      const close = closingBrace(template, dollar + 2);
      if (close < 0) return invalid(template);
      const braced = expand(template, dollar + 2, close, lookup);
      if (!braced.ok) return braced;
      for (let u = 0; u < braced.unset.length; u++) unset.push(braced.unset[u]!);
      out += braced.value;
      i = close + 1;
    } else {
      out += '$';
      i = dollar + 1;
    }
  }
  return { ok: true, value: out, unset };
}

/** `[_a-zA-Z]`: a character that starts a name. */
function isNameStart(code: number): boolean {
  return code === 0x5f || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The end of the name `[_a-zA-Z][_a-zA-Z0-9]*` that starts at `start` (the name is greedy). */
function nameEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (!isNameStart(code) && !(code >= 0x30 && code <= 0x39)) break;
    end++;
  }
  return end;
}

/** The index of the `}` that closes a `${` whose content starts at `start`, or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let j = start; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) return j;
  }
  return -1;
}

/** Expands the inside of `${...}`: the text of `template` from `start` up to (not including) `close`. */
function expand(template: string, start: number, close: number, lookup: Lookup): SubstitutionResult {
  if (!isNameStart(template.charCodeAt(start))) return invalid(template);
  // The name ends at the closing brace at the latest, as `}` is no name character.
  const end = nameEnd(template, start);
  const name = template.slice(start, end);
  const value = lookup(name);
  if (end === close) return { ok: true, value: value ?? '', unset: value === undefined ? [name] : [] };
  const colon = template.charCodeAt(end) === COLON;
  const op = template[colon ? end + 1 : end];
  if (op !== '-' && op !== '?' && op !== '+') return invalid(template);
  const arg = template.slice(colon ? end + 2 : end + 1, close);
  // With a colon, an empty value counts as unset; without, only a truly unset variable does.
  const missing = value === undefined || (colon && value === '');
  const lazily = () => substitute(arg, lookup);
  if (op === '-') return missing ? lazily() : done(value!);
  if (op === '+') return missing ? done('') : lazily();
  if (!missing) return done(value!);
  const message = lazily();
  const detail = message.ok && message.value !== '' ? `: ${message.value}` : '';
  return { ok: false, kind: 'required', variable: name, message: `required variable ${name} is missing a value${detail}` };
}

function done(value: string): SubstitutionResult {
  return { ok: true, value, unset: [] };
}

function invalid(template: string): SubstitutionResult {
  return { ok: false, kind: 'invalid', message: `invalid interpolation format in "${template}"` };
}
