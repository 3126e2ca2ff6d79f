/**
 * Compose's variable substitution in one string (compose-semantics §3.1-3.2): `$VAR`, `${VAR}`, `${VAR:-d}`,
 * `${VAR-d}`, `${VAR:?msg}`, `${VAR?msg}`, `${VAR:+alt}`, `${VAR+alt}`, nested and lazily substituted defaults,
 * and `$$` for a literal `$`. A `$` that starts none of these is kept as written.
 */

/** Looks a variable up; undefined when unset. */
export type Lookup = (name: string) => string | undefined;

/** The result of substituting one string. */
export type SubstitutionResult =
  | { ok: true; value: string; unset: string[] }
  | { ok: false; kind: 'invalid' | 'required'; variable?: string; message: string };

const NAME_START = /[_a-zA-Z]/;
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Substitutes every variable reference in `template`. */
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
    const next = template[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next !== undefined && NAME_START.test(next)) {
      const name = NAME.exec(template.slice(dollar + 1))![0];
      const value = lookup(name);
      if (value === undefined) unset.push(name);
      out += value ?? '';
      i = dollar + 1 + name.length;
    } else if (next === '{') {
      const close = closingBrace(template, dollar + 2);
      if (close < 0) return invalid(template);
      const braced = expand(template.slice(dollar + 2, close), lookup, template);
      if (!braced.ok) return braced;
      unset.push(...braced.unset);
      out += braced.value;
      i = close + 1;
    } else {
      out += '$';
      i = dollar + 1;
    }
  }
  return { ok: true, value: out, unset };
}

/** The index of the `}` that closes a `${` whose content starts at `start`, or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let j = start; j < text.length; j++) {
    const c = text[j];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j;
  }
  return -1;
}

/** Expands the inside of `${...}`. */
function expand(inner: string, lookup: Lookup, template: string): SubstitutionResult {
  const nameMatch = NAME.exec(inner);
  if (!nameMatch) return invalid(template);
  const name = nameMatch[0];
  const rest = inner.slice(name.length);
  const value = lookup(name);
  if (rest === '') return { ok: true, value: value ?? '', unset: value === undefined ? [name] : [] };
  const colon = rest.startsWith(':');
  const op = colon ? rest[1] : rest[0];
  if (op !== '-' && op !== '?' && op !== '+') return invalid(template);
  const arg = rest.slice(colon ? 2 : 1);
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
