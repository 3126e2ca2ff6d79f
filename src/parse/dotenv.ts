/**
 * The `.env` / `env_file` format as Compose reads it (compose-semantics §4): `KEY=VALUE` or `KEY: VALUE`, an
 * optional `export`, single quotes literal, double quotes with C-like escapes, unquoted values with ` #` comments,
 * bare keys inherited from the lookup, and interpolation in unquoted and double-quoted values. The `raw` format is
 * docker's plain `KEY=VALUE` file: values taken as written. Read by the loader (the project `.env`, include
 * `env_file`s) and by the IR (a service's `env_file`), so it sits in `parse/`, below both.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { substitute, type Lookup } from './template.js';

/** Options for {@link parseDotenv}. */
export interface DotenvOptions {
  /** `raw` reads values literally (docker's env-file format). Default: Compose's `.env` format. */
  format?: 'raw' | undefined;
  /** Consulted after the lookup and the file's own earlier values (a service's earlier env files). */
  fallback?: Lookup;
}

/** The variables of an env file in file order (a later duplicate wins when turned into a map), and any problems. */
export interface DotenvResult {
  values: [string, string][];
  diagnostics: Diagnostic[];
}

/** Parses env-file text. `lookup` resolves bare keys and interpolation before the file's own earlier values. */
export function parseDotenv(text: string, file: string, lookup: Lookup, options: DotenvOptions = {}): DotenvResult {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Windows line ends read like Unix ones; only the `\r` before a `\n` goes, so columns do not move.
  const body = withoutBom.includes('\r\n') ? withoutBom.replace(/\r\n/g, '\n') : withoutBom;
  const fallback = options.fallback;
  const chained: Lookup = fallback ? (name) => lookup(name) ?? fallback(name) : lookup;
  return options.format === 'raw' ? parseRaw(body, file, chained) : new DotenvParser(body, file, lookup, fallback).parse();
}

const KEY_CHAR = /[\p{L}\p{N}_.\-[\]]/u;
const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

class DotenvParser {
  readonly values: [string, string][] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly #own = new Map<string, string>();
  #pos = 0;
  #line = 1;
  #lineStart = 0;

  constructor(
    readonly text: string,
    readonly file: string,
    readonly lookup: Lookup,
    readonly fallback: Lookup = () => undefined,
  ) {}

  parse(): DotenvResult {
    while (this.#pos < this.text.length) {
      this.skipBlank();
      if (this.#pos >= this.text.length) break;
      if (this.text[this.#pos] === '#') {
        this.skipToEndOfLine();
        continue;
      }
      if (!this.statement()) break;
    }
    return { values: this.values, diagnostics: this.diagnostics };
  }

  /** Parses one `KEY=VALUE` statement. Returns false after an error (parsing stops, as Compose's does). */
  statement(): boolean {
    this.skipExport();
    const keyStart = this.location();
    const key = this.readKey();
    if (key === undefined) return false;
    const sep = this.text[this.#pos];
    if (sep !== '=' && sep !== ':') {
      const inherited = this.lookup(key) ?? this.#own.get(key) ?? this.fallback(key);
      if (inherited !== undefined) this.set(key, inherited);
      return true;
    }
    this.#pos++;
    this.skipInlineSpace();
    const quote = this.text[this.#pos];
    if (quote === "'" || quote === '"') return this.quoted(key, quote, keyStart);
    return this.unquoted(key);
  }

  readKey(): string | undefined {
    const start = this.#pos;
    while (this.#pos < this.text.length) {
      const c = this.text[this.#pos]!;
      if (c === '=' || c === ':' || c === '\n' || c === '\r') break;
      if (c === ' ' || c === '\t') {
        const after = this.peekPastInlineSpace();
        const next = this.text[after];
        if (next === undefined || next === '=' || next === ':' || next === '\n' || next === '\r' || next === '#') {
          const key = this.text.slice(start, this.#pos);
          this.#pos = after;
          if (next === '#') this.skipToEndOfLine();
          return key;
        }
        return this.fail(`key cannot contain a space`);
      }
      if (!KEY_CHAR.test(c)) {
        return this.fail(`unexpected character "${c}" in variable name "${this.text.slice(start, this.#pos + 1)}"`);
      }
      this.#pos++;
    }
    return this.text.slice(start, this.#pos);
  }

  quoted(key: string, quote: string, keyStart: { line: number; column: number }): boolean {
    const open = this.#pos;
    let j = open + 1;
    while (j < this.text.length) {
      const c = this.text[j];
      if (c === '\\' && j + 1 < this.text.length) {
        j += 2;
        continue;
      }
      if (c === quote) break;
      j++;
    }
    if (j >= this.text.length) {
      this.diagnostics.push(
        error('DOTENV_SYNTAX', `unterminated quoted value for ${key || 'an empty key'}`, { file: this.file, ...keyStart }),
      );
      return false;
    }
    const raw = this.text.slice(open + 1, j);
    this.advanceTo(j + 1);
    const where = this.location();
    let value: string | undefined;
    if (quote === "'") value = raw.replace(/\\'/g, "'");
    else value = this.interpolate(expandEscapes(raw.replace(/\\"/g, '"')), where);
    if (value === undefined) return false;
    this.set(key, value);
    // After the closing quote: a comment or blank ends the line; other text starts a new statement.
    this.skipInlineSpace();
    if (this.text[this.#pos] === '#') this.skipToEndOfLine();
    return true;
  }

  unquoted(key: string): boolean {
    const where = this.location();
    let end = this.#pos;
    while (end < this.text.length && this.text[end] !== '\n') end++;
    let raw = this.text.slice(this.#pos, end);
    const comment = raw.search(/[ \t]#/);
    if (comment >= 0) raw = raw.slice(0, comment);
    this.#pos = end;
    const value = this.interpolate(raw.replace(/[ \t\r]+$/, ''), where);
    if (value === undefined) return false;
    this.set(key, value);
    return true;
  }

  /** Substitutes variables: the caller's lookup first, then this file's earlier values. */
  interpolate(value: string, where: { line: number; column: number }): string | undefined {
    const result = substitute(value, (name) => this.lookup(name) ?? this.#own.get(name) ?? this.fallback(name));
    if (result.ok) return result.value;
    this.diagnostics.push(error('DOTENV_INTERPOLATION', result.message, { file: this.file, ...where }));
    return undefined;
  }

  set(key: string, value: string): void {
    this.values.push([key, value]);
    this.#own.set(key, value);
  }

  fail(message: string): undefined {
    this.diagnostics.push(error('DOTENV_SYNTAX', message, { file: this.file, ...this.location() }));
    return undefined;
  }

  /** Skips a leading `export ` unless it is all the line holds (then `export` is a bare key). */
  skipExport(): void {
    const m = /^export[ \t]+/.exec(this.text.slice(this.#pos, this.#pos + 16));
    if (!m) return;
    const after = this.#pos + m[0].length;
    const next = this.text[after];
    if (next !== undefined && next !== '\n' && next !== '\r' && next !== '#') this.#pos = after;
  }

  skipBlank(): void {
    while (this.#pos < this.text.length) {
      const c = this.text[this.#pos];
      if (c === '\n') this.newLine(this.#pos + 1);
      else if (c !== ' ' && c !== '\t' && c !== '\r') return;
      this.#pos++;
    }
  }

  skipInlineSpace(): void {
    this.#pos = this.peekPastInlineSpace();
  }

  peekPastInlineSpace(): number {
    let j = this.#pos;
    while (this.text[j] === ' ' || this.text[j] === '\t') j++;
    return j;
  }

  skipToEndOfLine(): void {
    while (this.#pos < this.text.length && this.text[this.#pos] !== '\n') this.#pos++;
  }

  /** Moves to `to`, counting the newlines crossed (inside multi-line quoted values). */
  advanceTo(to: number): void {
    for (let j = this.#pos; j < to; j++) if (this.text[j] === '\n') this.newLine(j + 1);
    this.#pos = to;
  }

  newLine(start: number): void {
    this.#line++;
    this.#lineStart = start;
  }

  location(): { line: number; column: number } {
    return { line: this.#line, column: this.#pos - this.#lineStart + 1 };
  }
}

/** Double-quote escapes; `\$` becomes `$$` so that interpolation afterwards leaves a literal `$`. */
function expandEscapes(raw: string): string {
  return raw.replace(/\\(0[0-7]{1,3}|.)/gs, (all, e: string) => {
    if (e === '$') return '$$';
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 8));
    return ESCAPES[e] ?? all;
  });
}

/** docker's env-file format: `KEY=VALUE` literally, a bare key looked up, `#` lines skipped. */
function parseRaw(text: string, file: string, lookup: Lookup): DotenvResult {
  const values: [string, string][] = [];
  const diagnostics: Diagnostic[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const entry = parseRawLine(rawLine, lookup);
    if (entry === undefined) return;
    if (typeof entry === 'string') {
      diagnostics.push(error('DOTENV_SYNTAX', entry, { file, line: index + 1, column: 1 }));
      return;
    }
    values.push(entry);
  });
  return { values, diagnostics };
}

/** One line of a raw env file: an entry, nothing (blank, comment, unknown bare key), or an error message. */
function parseRawLine(rawLine: string, lookup: Lookup): [string, string] | string | undefined {
  // docker trims the left only: trailing spaces belong to the value.
  const line = rawLine.replace(/\r$/, '').replace(/^\s+/, '');
  if (line === '' || line.startsWith('#')) return undefined;
  const eq = line.indexOf('=');
  const key = eq < 0 ? line : line.slice(0, eq);
  if (key === '') return 'no variable name before "="';
  if (/\s/.test(key)) return `variable "${key}" contains whitespace`;
  if (eq >= 0) return [key, line.slice(eq + 1)];
  const inherited = lookup(key);
  return inherited === undefined ? undefined : [key, inherited];
}
