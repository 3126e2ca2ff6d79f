/**
 * A fast path for the YAML that compose files are made of: one document whose top level is a block mapping, with
 * block mappings and sequences, single-line plain, quoted and flow values, literal and folded block scalars,
 * anchors, aliases, `<<` merge keys and the `!reset`/`!override` tags.
 *
 * It reads lines directly instead of building a syntax tree, which makes it an order of magnitude faster than the
 * general parser on large projects. It is an optimisation only: the moment it meets anything outside that subset,
 * or anything wrong (a duplicate key, a tab in indentation, an unknown alias, a limit reached), it gives up and
 * the general parser in `index.ts` reads the file, so every result and every diagnostic is the general parser's.
 * A differential test holds the two to the same values and positions.
 */
import type { SourceLocation } from '../diagnostics/diagnostic.js';
import { copyLocations, peekLocations, setEntryLocation, setSelfLocation } from '../diagnostics/locations.js';
import { setOwn } from '../util/objects.js';
import type { ParseLimits } from './limits.js';
import { resolvePlainScalar } from './scalars.js';
import { OverrideTag, RESET } from './tags.js';

/** Thrown inside the fast path to hand the file to the general parser; never escapes {@link parseFast}. */
class Unsupported extends Error {}

const unsupported = (): never => {
  throw new Unsupported();
};

/** A parsed node: its value and where it was written. */
interface Parsed {
  value: unknown;
  at: SourceLocation;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Characters that cannot start a plain scalar in block context (the rest are handled before plain scalars). */
const NOT_PLAIN_START = new Set([...'?:,]}#|>%@`']);

/**
 * Parses `text` when it is inside the fast path's subset; returns undefined (and records nothing the caller could
 * see) when the general parser must read it.
 */
export function parseFast(text: string, file: string, limits: ParseLimits, maxAliasExpansion: number): { value: unknown } | undefined {
  try {
    return { value: new FastParser(text, file, limits.maxDepth, maxAliasExpansion).document() };
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}

class FastParser {
  readonly lines: string[];
  /** Indentation of each line, or -1 for a line that holds nothing (blank or only a comment). */
  readonly indents: Int32Array;
  line = 0;
  readonly anchors = new Map<string, Parsed | null>();
  expanded = 0;

  constructor(
    text: string,
    readonly file: string,
    readonly maxDepth: number,
    readonly maxExpansion: number,
  ) {
    if (text.charCodeAt(0) === 0xfeff) unsupported();
    this.lines = text.split('\n');
    // A final line break ends the last line; it does not start an empty one.
    if (this.lines.length > 1 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    this.indents = new Int32Array(this.lines.length);
    for (let i = 0; i < this.lines.length; i++) {
      let line = this.lines[i]!;
      if (line.endsWith('\r')) this.lines[i] = line = line.slice(0, -1);
      this.indents[i] = measureIndent(line);
    }
  }

  at(line: number, col: number): SourceLocation {
    return { file: this.file, line: line + 1, column: col + 1 };
  }

  /** The next line at or after `from` that holds content, or the line count. */
  nextContent(from: number): number {
    let i = from;
    while (i < this.lines.length && this.indents[i] === -1) i++;
    return i;
  }

  document(): unknown {
    let first = this.nextContent(0);
    if (first < this.lines.length && isDocumentMarker(this.lines[first]!, '---')) first = this.nextContent(first + 1);
    if (first >= this.lines.length || this.indents[first] !== 0) unsupported();
    this.line = first;
    const root = this.blockMap(0, 0, 0);
    if (this.nextContent(this.line + 1) < this.lines.length) unsupported();
    return root.value;
  }

  /** A block mapping whose keys sit at column `indent`; the first key may start mid-line at `firstCol`. */
  blockMap(indent: number, firstCol: number, depth: number): Parsed {
    if (depth > this.maxDepth) unsupported();
    const out: Record<string, unknown> = {};
    const self = this.at(this.line, firstCol);
    setSelfLocation(out, self);
    const merges: Parsed[] = [];
    let col = firstCol;
    for (;;) {
      const line = this.lines[this.line]!;
      const key = this.mapKey(line, col);
      if (!key) unsupported();
      const keyAt = this.at(this.line, col);
      const entry = this.valueAfter(line, key!.end, indent, depth + 1, false);
      if (key!.merge) merges.push(entry);
      else {
        if (Object.prototype.hasOwnProperty.call(out, key!.text)) unsupported();
        setOwn(out, key!.text, entry.value);
        setEntryLocation(out, key!.text, entry.at, keyAt);
      }
      const next = this.nextContent(this.line + 1);
      if (next >= this.lines.length || this.indents[next]! < indent) break;
      if (this.indents[next] !== indent) unsupported();
      this.line = next;
      col = indent;
    }
    for (const merge of merges) this.applyMerge(out, merge);
    return { value: out, at: self };
  }

  /** `<<: *a` or `<<: [*a, *b]`: keys not written explicitly come from the sources, earlier sources first. */
  applyMerge(out: Record<string, unknown>, merge: Parsed): void {
    const sources = Array.isArray(merge.value) ? merge.value : [merge.value];
    for (const source of sources) {
      if (source === null || typeof source !== 'object' || Array.isArray(source) || source instanceof OverrideTag) unsupported();
      const positions = peekLocations(source as object);
      for (const key of Object.keys(source as object)) {
        if (Object.prototype.hasOwnProperty.call(out, key)) continue;
        setOwn(out, key, (source as Record<string, unknown>)[key]);
        setEntryLocation(out, key, positions?.values?.get(key), positions?.keys?.get(key));
      }
    }
  }

  /** A block sequence whose dashes sit at column `indent`; the first may start mid-line at `firstCol`. */
  blockSeq(indent: number, firstCol: number, depth: number): Parsed {
    if (depth > this.maxDepth) unsupported();
    const out: unknown[] = [];
    const self = this.at(this.line, firstCol);
    setSelfLocation(out, self);
    let col = firstCol;
    for (;;) {
      const line = this.lines[this.line]!;
      if (!isDash(line, col)) unsupported();
      const item = this.seqItem(line, col, depth + 1);
      setEntryLocation(out, out.length, item.at);
      out.push(item.value);
      const next = this.nextContent(this.line + 1);
      if (next >= this.lines.length || this.indents[next]! < indent) break;
      if (this.indents[next]! > indent) unsupported();
      // A line at the same column that is not an item ends a sequence written as a mapping value.
      if (!isDash(this.lines[next]!, indent)) break;
      this.line = next;
      col = indent;
    }
    return { value: out, at: self };
  }

  seqItem(line: string, dash: number, depth: number): Parsed {
    let pos = skipSpaces(line, dash + 1);
    if (line.charCodeAt(pos) === 9) unsupported();
    if (pos < line.length && line.charCodeAt(pos) !== HASH) {
      if (isDash(line, pos)) unsupported();
      const key = this.mapKey(line, pos);
      if (key) return this.blockMap(pos, pos, depth);
    } else pos = dash + 1;
    return this.valueAfter(line, pos, dash, depth, true);
  }

  /**
   * The value that starts at `pos` of `line` (after `key:` or `- `), for a node owned by a parent at column
   * `parentIndent`. Leaves `this.line` on the last line the value used.
   */
  valueAfter(line: string, start: number, parentIndent: number, depth: number, inSeq: boolean): Parsed {
    let pos = skipSpaces(line, start);
    let anchor: string | undefined;
    let tag: string | undefined;
    for (;;) {
      const c = line.charCodeAt(pos);
      if (c === 38 /* & */) {
        const end = tokenEnd(line, pos + 1);
        if (anchor !== undefined || end === pos + 1) unsupported();
        anchor = line.slice(pos + 1, end);
        pos = skipSpaces(line, end);
      } else if (c === 33 /* ! */) {
        const end = tokenEnd(line, pos);
        if (tag !== undefined) unsupported();
        tag = line.slice(pos, end);
        if (tag !== '!reset' && tag !== '!override') unsupported();
        pos = skipSpaces(line, end);
      } else break;
    }
    if (line.charCodeAt(pos) === 9) unsupported();
    if (anchor !== undefined) this.anchors.set(anchor, null);
    let parsed: Parsed;
    if (pos >= line.length || line.charCodeAt(pos) === HASH) {
      parsed = this.nestedBlock(parentIndent, depth, inSeq, pos, anchor !== undefined || tag !== undefined);
    } else {
      parsed = this.inlineValue(line, pos, parentIndent, depth);
      const next = this.nextContent(this.line + 1);
      // A deeper line after a one-line value would continue it (a multi-line scalar): the general parser's job.
      if (next < this.lines.length && this.indents[next]! > parentIndent) unsupported();
    }
    if (tag === '!reset') parsed = { value: RESET, at: parsed.at };
    else if (tag === '!override') parsed = { value: new OverrideTag(parsed.value), at: parsed.at };
    if (anchor !== undefined) this.anchors.set(anchor, parsed);
    return parsed;
  }

  /** The value on the lines after `key:` or `-`: a block mapping or sequence, or nothing (null). */
  nestedBlock(parentIndent: number, depth: number, inSeq: boolean, emptyCol: number, hasProps: boolean): Parsed {
    const next = this.nextContent(this.line + 1);
    const indent = next < this.lines.length ? this.indents[next]! : -1;
    const text = next < this.lines.length ? this.lines[next]! : '';
    if (indent > parentIndent) {
      this.line = next;
      if (isDash(text, indent)) return this.blockSeq(indent, indent, depth);
      if (this.mapKey(text, indent)) return this.blockMap(indent, indent, depth);
      return unsupported();
    }
    if (!inSeq && indent === parentIndent && isDash(text, indent)) {
      this.line = next;
      return this.blockSeq(indent, indent, depth);
    }
    if (hasProps) unsupported();
    // An empty value is null, placed where the next token (a comment, or the line's end) starts.
    return { value: null, at: this.at(this.line, emptyCol) };
  }

  /** A value written on one line: alias, flow collection, quoted or plain scalar, or a block scalar header. */
  inlineValue(line: string, pos: number, parentIndent: number, depth: number): Parsed {
    const c = line.charCodeAt(pos);
    const at = this.at(this.line, pos);
    if (c === 42 /* * */) {
      const end = tokenEnd(line, pos + 1);
      this.expectEnd(line, end);
      return { value: this.alias(line.slice(pos + 1, end)), at };
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const flow = new FlowReader(this, line, pos, depth);
      const value = flow.collection();
      this.expectEnd(line, flow.pos);
      return { value, at };
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const { value, end } = quoted(line, pos);
      this.expectEnd(line, end);
      return { value, at };
    }
    if (c === 124 /* | */ || c === 62 /* > */) return { value: this.blockScalar(line, pos, parentIndent), at };
    if (NOT_PLAIN_START.has(line[pos]!) || (c === DASH && isDash(line, pos))) unsupported();
    return { value: resolvePlainScalar(line.slice(pos, plainEnd(line, pos))), at };
  }

  /** After a value only a comment may follow on its line. */
  expectEnd(line: string, end: number): void {
    const pos = skipSpaces(line, end);
    if (pos < line.length && !(line.charCodeAt(pos) === HASH && pos > end)) unsupported();
  }

  alias(name: string): unknown {
    const target = this.anchors.get(name);
    if (!target) unsupported();
    return this.clone(target!.value, 0);
  }

  /** A fresh copy of an anchored value, positions included, counted against the alias expansion bound. */
  clone(value: unknown, depth: number): unknown {
    if (++this.expanded > this.maxExpansion || depth > this.maxDepth) unsupported();
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof OverrideTag) return new OverrideTag(this.clone(value.value, depth));
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
      ? value.map((v) => this.clone(v, depth + 1))
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.clone(v, depth + 1)]));
    copyLocations(value, copy);
    return copy;
  }

  /** A `|` or `>` block scalar; its content is the following lines indented deeper than the parent. */
  blockScalar(line: string, pos: number, parentIndent: number): string {
    const folded = line.charCodeAt(pos) === 62;
    let p = pos + 1;
    let chomp: '' | '-' | '+' = '';
    if (line[p] === '-' || line[p] === '+') chomp = line[p++] as '-' | '+';
    this.expectEnd(line, p);
    const body: string[] = [];
    let contentIndent = -1;
    let i = this.line + 1;
    for (; i < this.lines.length; i++) {
      const text = this.lines[i]!;
      if (isBlank(text)) {
        // Blank lines keep no spaces in this subset: spaces beyond the content indentation would be content.
        if (!/^ *$/.test(text) || (contentIndent === -1 ? text.length > 0 : text.length > contentIndent)) unsupported();
        body.push('');
        continue;
      }
      const indent = leadingSpaces(text);
      if (contentIndent === -1) {
        if (indent <= parentIndent) break;
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      body.push(text.slice(contentIndent));
    }
    if (contentIndent === -1) unsupported();
    // Blank lines that end the scalar belong to it only for chomping; the cursor stays on its last content line.
    let last = i - 1;
    while (last > this.line && isBlank(this.lines[last]!)) last--;
    this.line = last;
    let trailing = 0;
    while (body.length > 0 && body[body.length - 1] === '') {
      body.pop();
      trailing++;
    }
    // Folding treats more-indented lines specially; those stay with the general parser.
    if (folded) for (const b of body) if (b.length > 0 && (b.charCodeAt(0) === SPACE || b.charCodeAt(0) === 9)) unsupported();
    const content = folded ? fold(body) : body.join('\n');
    if (chomp === '-') return content;
    if (chomp === '+') return `${content}\n${'\n'.repeat(trailing)}`;
    return `${content}\n`;
  }

  /** Reads `key:` at `col`: the key's text, where its `:` ends, and whether it is the merge key. */
  mapKey(line: string, col: number): { text: string; end: number; merge: boolean } | undefined {
    const c = line.charCodeAt(col);
    if (c === 34 || c === 39) {
      let parsed: { value: string; end: number };
      try {
        parsed = quoted(line, col);
      } catch {
        return undefined;
      }
      const colon = skipSpaces(line, parsed.end);
      if (line.charCodeAt(colon) !== COLON || !endsToken(line, colon + 1)) return undefined;
      return { text: parsed.value, end: colon + 1, merge: false };
    }
    if (Number.isNaN(c) || NOT_PLAIN_START.has(line[col]!) || c === 91 || c === 123 || c === 38 || c === 33 || c === 42 || c === 34 || c === 39) {
      return undefined;
    }
    if (c === DASH && isDash(line, col)) return undefined;
    for (let i = col; i < line.length; i++) {
      const ch = line.charCodeAt(i);
      if (ch === COLON && endsToken(line, i + 1)) {
        // The general parser refuses implicit keys longer than 1024 characters.
        if (i - col > 1024) unsupported();
        const raw = line.slice(col, i).trimEnd();
        if (raw === '<<') return { text: raw, end: i + 1, merge: true };
        if (typeof resolvePlainScalar(raw) !== 'string') unsupported();
        return { text: raw, end: i + 1, merge: false };
      }
      if (ch === HASH && line.charCodeAt(i - 1) === SPACE) return undefined;
    }
    return undefined;
  }
}

/** Reads a flow collection (`[...]` or `{...}`) that ends on the same line. */
class FlowReader {
  constructor(
    readonly parser: FastParser,
    readonly line: string,
    public pos: number,
    readonly depth: number,
  ) {}

  collection(): unknown {
    return this.line.charCodeAt(this.pos) === 91 ? this.seq(this.depth) : this.map(this.depth);
  }

  seq(depth: number): unknown[] {
    if (depth > this.parser.maxDepth) unsupported();
    const out: unknown[] = [];
    setSelfLocation(out, this.parser.at(this.parser.line, this.pos));
    this.pos = skipSpaces(this.line, this.pos + 1);
    while (this.line.charCodeAt(this.pos) !== 93 /* ] */) {
      const at = this.parser.at(this.parser.line, this.pos);
      const value = this.item(depth + 1, false);
      setEntryLocation(out, out.length, at);
      out.push(value);
      this.separator(93);
    }
    this.pos++;
    return out;
  }

  map(depth: number): Record<string, unknown> {
    if (depth > this.parser.maxDepth) unsupported();
    const out: Record<string, unknown> = {};
    setSelfLocation(out, this.parser.at(this.parser.line, this.pos));
    this.pos = skipSpaces(this.line, this.pos + 1);
    while (this.line.charCodeAt(this.pos) !== 125 /* } */) {
      const keyAt = this.parser.at(this.parser.line, this.pos);
      const key = this.item(depth + 1, true);
      if (typeof key !== 'string' || key === '<<' || Object.prototype.hasOwnProperty.call(out, key)) unsupported();
      if (this.line.charCodeAt(this.pos) !== COLON) unsupported();
      this.pos = skipSpaces(this.line, this.pos + 1);
      const valueAt = this.parser.at(this.parser.line, this.pos);
      const value = this.item(depth + 1, false);
      setOwn(out, key as string, value);
      setEntryLocation(out, key as string, valueAt, keyAt);
      this.separator(125);
    }
    this.pos++;
    return out;
  }

  /** After an entry: `,` (spaces around it allowed) or the closing bracket. */
  separator(close: number): void {
    this.pos = skipSpaces(this.line, this.pos);
    const c = this.line.charCodeAt(this.pos);
    if (c === 44 /* , */) this.pos = skipSpaces(this.line, this.pos + 1);
    else if (c !== close) unsupported();
  }

  item(depth: number, isKey: boolean): unknown {
    const c = this.line.charCodeAt(this.pos);
    if (c === 91) return this.seq(depth);
    if (c === 123) return this.map(depth);
    if (c === 34 || c === 39) {
      const { value, end } = quoted(this.line, this.pos);
      this.pos = skipSpaces(this.line, end);
      if (!isKey && this.line.charCodeAt(this.pos) === COLON) unsupported();
      return value;
    }
    if (c === 42 /* * */) {
      const end = flowTokenEnd(this.line, this.pos + 1);
      const value = this.parser.alias(this.line.slice(this.pos + 1, end));
      this.pos = skipSpaces(this.line, end);
      return value;
    }
    const first = this.line[this.pos];
    // `-` starts a plain scalar only when a digit or dot follows (`-1`); every other indicator is left to the
    // general parser.
    if (first === undefined || '&!|>%@`#,]}?:'.includes(first)) unsupported();
    if (c === DASH && !/[0-9.]/.test(this.line[this.pos + 1] ?? '')) unsupported();
    let end = this.pos;
    for (; end < this.line.length; end++) {
      const ch = this.line.charCodeAt(end);
      if (ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123) break;
      if (ch === COLON && (end + 1 >= this.line.length || ' ,]}'.includes(this.line[end + 1]!))) break;
      if (ch === HASH && this.line.charCodeAt(end - 1) === SPACE) unsupported();
    }
    const text = this.line.slice(this.pos, end).trimEnd();
    if (text === '') unsupported();
    this.pos = end;
    if (!isKey && this.line.charCodeAt(end) === COLON) unsupported();
    const value = resolvePlainScalar(text);
    if (isKey && typeof value !== 'string') unsupported();
    return value;
  }
}

/** Folded block scalar lines (none more indented): line breaks fold to spaces, each blank line is a newline. */
function fold(lines: string[]): string {
  let out = '';
  let blanks = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      blanks++;
      continue;
    }
    if (started) out += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    else out += '\n'.repeat(blanks);
    out += line;
    blanks = 0;
    started = true;
  }
  return out;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** A quoted scalar that closes on the same line: its value and the position after the closing quote. */
function quoted(line: string, start: number): { value: string; end: number } {
  const quote = line[start];
  let out = '';
  let i = start + 1;
  while (i < line.length) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") {
        if (line[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        return { value: out, end: i + 1 };
      }
      out += ch;
      i++;
      continue;
    }
    if (ch === '"') return { value: out, end: i + 1 };
    if (ch !== '\\') {
      out += ch;
      i++;
      continue;
    }
    const e = line[i + 1];
    if (e === undefined) break;
    const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hex > 0) {
      const digits = line.slice(i + 2, i + 2 + hex);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) unsupported();
      out += String.fromCodePoint(parseInt(digits, 16));
      i += 2 + hex;
    } else {
      const mapped = ESCAPES[e];
      if (mapped === undefined) unsupported();
      out += mapped;
      i += 2;
    }
  }
  return unsupported();
}

function measureIndent(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === SPACE) i++;
  if (i === line.length) return -1;
  const c = line.charCodeAt(i);
  if (c === HASH) return -1;
  if (c === 9 /* tab */) {
    // A tab is fine inside a line, but as indentation it is an error the general parser reports.
    const rest = line.slice(i).trim();
    if (rest === '' || rest.startsWith('#')) return -1;
    throw new Unsupported();
  }
  return i;
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === SPACE) i++;
  return i;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function skipSpaces(line: string, pos: number): number {
  let i = pos;
  while (i < line.length && line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** True when position `pos` ends a token: end of line or whitespace. */
function endsToken(line: string, pos: number): boolean {
  return pos >= line.length || line.charCodeAt(pos) === SPACE || line.charCodeAt(pos) === 9;
}

function isDash(line: string, pos: number): boolean {
  return line.charCodeAt(pos) === DASH && endsToken(line, pos + 1);
}

function tokenEnd(line: string, pos: number): number {
  let i = pos;
  while (i < line.length && line.charCodeAt(i) !== SPACE && line.charCodeAt(i) !== 9) i++;
  return i;
}

function flowTokenEnd(line: string, pos: number): number {
  let i = pos;
  while (i < line.length && !' \t,]}'.includes(line[i]!)) i++;
  return i;
}

/** Where a block plain scalar ends: before ` #` or at the end of the line, trailing spaces excluded. */
function plainEnd(line: string, pos: number): number {
  let end = line.length;
  for (let i = pos; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === HASH && (line.charCodeAt(i - 1) === SPACE || line.charCodeAt(i - 1) === 9)) {
      end = i;
      break;
    }
    if (ch === COLON && endsToken(line, i + 1)) unsupported();
  }
  while (end > pos && (line.charCodeAt(end - 1) === SPACE || line.charCodeAt(end - 1) === 9)) end--;
  return end;
}

function isDocumentMarker(line: string, marker: string): boolean {
  return line === marker || line.startsWith(`${marker} `) || line.startsWith(`${marker}\t`);
}
