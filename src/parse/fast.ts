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
 *
 * The parser runs once per file, cold: mostly in V8's interpreter, so its cost is the bytecodes it executes and the
 * objects it allocates per line. Hence the style: char-code tests and `indexOf` instead of regexes and per-char
 * string building, plain loops instead of callbacks, a cursor field (`pos`) and a side channel (`valueAt`) instead
 * of small result objects, positions packed into small integers, sequences and position records built on shared
 * stacks and copied out at their exact size, and bounds checks before every `charCodeAt` (reading past the end
 * deoptimises optimised code, which V8 then compiles a second time).
 */
import { copyLocations, packPosition, type Position, RecordBuilder } from '../diagnostics/locations.js';
import { emptyRecord, setOwn } from '../util/objects.js';
import type { ParseLimits } from './limits.js';
import { resolvePlainScalar } from './scalars.js';
import { OverrideTag, RESET } from './tags.js';

/** Thrown inside the fast path to hand the file to the general parser; never escapes {@link parseFast}. */
class Unsupported extends Error {}

const unsupported = (): never => {
  throw new Unsupported();
};

const TAB = 9;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
const HASH = 35;
const AMPERSAND = 38;
const SQUOTE = 39;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const LT = 60;
const GT = 62;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const PIPE = 124;
const CLOSE_BRACE = 125;
const BANG = 33;

/** A table of ASCII characters, indexed by char code: one array load per test instead of a Set or string search. */
function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/**
 * Characters a block value may not start with as a plain scalar: the indicators {@link FastParser.indicatedValue}
 * reads, those it leaves to the general parser, and `-` (plain unless a space follows). One table test keeps the
 * common plain value off the indicator checks.
 */
const VALUE_INDICATOR = charTable('*[{"\'|>?:,]}#%@`-');
/** Characters that cannot start a plain key: those above and the indicators a value may start with. */
const NOT_KEY_START = charTable('?:,]}#|>%@`[{&!*"\'');
/**
 * Characters that cannot start a plain scalar inside a flow collection. A tab there is separating whitespace the
 * general parser skips (`{\tk: v}` has the key `k`); only spaces are skipped here, so tabs go to the general parser.
 */
const NOT_FLOW_PLAIN_START = charTable('&!|>%@`#,]}?:\t');
/** Characters a flow plain scalar stops at or must look at: brackets, braces, commas, `:` and `#`. */
const FLOW_PLAIN_SPECIAL = charTable(',[]{}:#');

/** True when `c` (a char code) is in `table`. */
function inTable(table: Uint8Array, c: number): boolean {
  return c < 128 && table[c] === 1;
}

/** Returned by {@link FastParser.mapKey} for the `<<` merge key, which is not an ordinary key. */
const MERGE = Symbol('<<');

/** What {@link FastParser.anchors} holds for an anchor whose value is still being read (an alias to it is a cycle). */
const PENDING = Symbol('pending anchor');

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
  /** The line being read. */
  line = 0;
  /** A cursor in the current line: where the last key, quoted scalar or flow item read ended. */
  pos = 0;
  /**
   * Where the value most recently returned by {@link value} (or {@link seqItem}) was written. A side channel rather
   * than a `{ value, at }` result, which would be an object per node; callers read it right after the call.
   */
  valueAt: Position = 0;
  /** The positions of the containers being read. */
  readonly records: RecordBuilder;
  /**
   * The items of the sequences being read, innermost last, from {@link itemsTop} down: a sequence is copied out at
   * its exact size when it ends, instead of growing an array of its own by half again plus 16 slots at a time.
   */
  readonly items: unknown[] = [];
  itemsTop = 0;
  /** Anchored values by name; {@link PENDING} while the anchored value is being read. */
  readonly anchors = new Map<string, unknown>();
  expanded = 0;
  /**
   * Set while reading the value of a `depends_on` key: a mapping read then is keyed by other services' names,
   * and starts as a hash table (see {@link emptyRecord}).
   */
  userKeyed = false;

  constructor(
    text: string,
    readonly file: string,
    readonly maxDepth: number,
    readonly maxExpansion: number,
  ) {
    this.records = new RecordBuilder(file);
    if (text.charCodeAt(0) === 0xfeff) unsupported();
    const lines = text.split('\n');
    // A final line break ends the last line; it does not start an empty one.
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    this.lines = lines;
    this.indents = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i]!;
      if (line.length > 0 && line.charCodeAt(line.length - 1) === CR) lines[i] = line = line.slice(0, -1);
      this.indents[i] = measureIndent(line);
    }
  }

  /** The position of 0-based `line` and `col`, packed (see {@link packPosition}). */
  at(line: number, col: number): Position {
    return packPosition(this.file, line + 1, col + 1);
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
    const key = this.mapKey(this.lines[first]!, 0);
    if (key === undefined) unsupported();
    const root = this.blockMap(0, 0, key!, this.at(first, 0));
    if (this.nextContent(this.line + 1) < this.lines.length) unsupported();
    return root;
  }

  /**
   * A block mapping whose keys sit at column `indent` of the current line and the lines after it. The caller has
   * read the first key (`firstKey`, written at `self`; the cursor is after its colon) to tell the mapping apart
   * from other values.
   */
  blockMap(indent: number, depth: number, firstKey: string | typeof MERGE, self: Position): Record<string, unknown> {
    if (depth > this.maxDepth) unsupported();
    const out: Record<string, unknown> = this.userKeyed ? emptyRecord() : {};
    this.userKeyed = false;
    const mark = this.records.open(self);
    let merges: unknown[] | undefined;
    let key = firstKey;
    let keyAt = self;
    for (;;) {
      this.userKeyed = key === 'depends_on';
      const value = this.value(this.lines[this.line]!, this.pos, indent, depth + 1, false);
      this.userKeyed = false;
      if (key === MERGE) (merges ??= []).push(value);
      else {
        // A plain load is the cheapest lookup in cold code (far cheaper than `in` or hasOwnProperty); only a hit
        // (a duplicate, or an inherited name such as `toString`) needs the own-property check.
        if (out[key] !== undefined && Object.prototype.hasOwnProperty.call(out, key)) unsupported();
        setOwn(out, key, value);
        this.records.entry(key, this.valueAt, keyAt);
      }
      const next = this.nextContent(this.line + 1);
      if (next >= this.lines.length || this.indents[next]! < indent) break;
      if (this.indents[next] !== indent) unsupported();
      this.line = next;
      const nextKey = this.mapKey(this.lines[next]!, indent);
      if (nextKey === undefined) return unsupported();
      key = nextKey;
      keyAt = this.at(next, indent);
    }
    if (merges) for (let i = 0; i < merges.length; i++) this.applyMerge(out, merges[i]);
    this.records.close(out, mark);
    return out;
  }

  /** `<<: *a` or `<<: [*a, *b]`: keys not written explicitly come from the sources, earlier sources first. */
  applyMerge(out: Record<string, unknown>, merge: unknown): void {
    const sources = Array.isArray(merge) ? merge : [merge];
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s] as Record<string, unknown>;
      if (source === null || typeof source !== 'object' || Array.isArray(source) || source instanceof OverrideTag) unsupported();
      const keys = Object.keys(source);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (Object.prototype.hasOwnProperty.call(out, key)) continue;
        setOwn(out, key, source[key]);
        this.records.entryFrom(source, key);
      }
    }
  }

  /** A block sequence whose dashes sit at column `indent` of the current line and the lines after it. */
  blockSeq(indent: number, depth: number, self: Position): unknown[] {
    if (depth > this.maxDepth) unsupported();
    const base = this.itemsTop;
    const mark = this.records.open(self);
    for (;;) {
      const item = this.seqItem(this.lines[this.line]!, indent, depth + 1);
      this.records.entry(this.itemsTop - base, this.valueAt, undefined);
      this.items[this.itemsTop++] = item;
      const next = this.nextContent(this.line + 1);
      if (next >= this.lines.length || this.indents[next]! < indent) break;
      if (this.indents[next]! > indent) unsupported();
      // A line at the same column that is not an item ends a sequence written as a mapping value.
      if (!isDash(this.lines[next]!, indent)) break;
      this.line = next;
    }
    return this.endSequence(base, mark);
  }

  /** The sequence of the items from `base` up on the item stack, with the record opened at `mark`. */
  endSequence(base: number, mark: number): unknown[] {
    const out = this.items.slice(base, this.itemsTop);
    this.itemsTop = base;
    this.records.close(out, mark);
    return out;
  }

  /** The item after the `-` at `dash`: a block mapping that starts on the dash's line, or any other value. */
  seqItem(line: string, dash: number, depth: number): unknown {
    let pos = skipSpaces(line, dash + 1);
    if (pos < line.length) {
      const c = line.charCodeAt(pos);
      if (c === TAB || isDash(line, pos)) unsupported();
      if (c !== HASH) {
        const key = this.mapKey(line, pos);
        if (key !== undefined) {
          const at = this.at(this.line, pos);
          const map = this.blockMap(pos, depth, key, at);
          this.valueAt = at;
          return map;
        }
      } else pos = dash + 1;
    }
    return this.value(line, pos, dash, depth, true);
  }

  /**
   * The value that starts at or after `start` of `line` (after `key:` or `- `), for a node owned by a parent at
   * column `parentIndent`; sets {@link valueAt}. Leaves `this.line` on the last line the value used.
   */
  value(line: string, start: number, parentIndent: number, depth: number, inSeq: boolean): unknown {
    const pos = skipSpaces(line, start);
    if (pos >= line.length) return this.nestedBlock(parentIndent, depth, inSeq, pos, false);
    const c = line.charCodeAt(pos);
    if (c === AMPERSAND || c === BANG) return this.valueWithProperties(line, pos, parentIndent, depth, inSeq);
    if (c === TAB) unsupported();
    if (c === HASH) return this.nestedBlock(parentIndent, depth, inSeq, pos, false);
    return this.inlineValue(line, pos, parentIndent, depth);
  }

  /** A value preceded by an anchor (`&name`), a tag (`!reset`, `!override`) or both, in either order. */
  valueWithProperties(line: string, start: number, parentIndent: number, depth: number, inSeq: boolean): unknown {
    let pos = start;
    let anchor: string | undefined;
    let tag: string | undefined;
    for (;;) {
      const c = pos < line.length ? line.charCodeAt(pos) : -1;
      if (c === AMPERSAND) {
        const end = tokenEnd(line, pos + 1);
        if (anchor !== undefined || end === pos + 1) unsupported();
        anchor = line.slice(pos + 1, end);
        pos = skipSpaces(line, end);
      } else if (c === BANG) {
        const end = tokenEnd(line, pos);
        if (tag !== undefined) unsupported();
        tag = line.slice(pos, end);
        if (tag !== '!reset' && tag !== '!override') unsupported();
        pos = skipSpaces(line, end);
      } else break;
    }
    if (pos < line.length && line.charCodeAt(pos) === TAB) unsupported();
    if (anchor !== undefined) this.anchors.set(anchor, PENDING);
    let value =
      pos >= line.length || line.charCodeAt(pos) === HASH
        ? this.nestedBlock(parentIndent, depth, inSeq, pos, true)
        : this.inlineValue(line, pos, parentIndent, depth);
    if (tag === '!reset') value = RESET;
    else if (tag === '!override') value = new OverrideTag(value);
    if (anchor !== undefined) this.anchors.set(anchor, value);
    return value;
  }

  /** The value on the lines after `key:` or `-`: a block mapping or sequence, or nothing (null). */
  nestedBlock(parentIndent: number, depth: number, inSeq: boolean, emptyCol: number, hasProps: boolean): unknown {
    const next = this.nextContent(this.line + 1);
    if (next < this.lines.length) {
      const indent = this.indents[next]!;
      const text = this.lines[next]!;
      if (indent > parentIndent || (!inSeq && indent === parentIndent && isDash(text, indent))) {
        this.line = next;
        const at = this.at(next, indent);
        let value: unknown;
        if (isDash(text, indent)) value = this.blockSeq(indent, depth, at);
        else {
          const key = this.mapKey(text, indent);
          if (key === undefined) unsupported();
          value = this.blockMap(indent, depth, key!, at);
        }
        this.valueAt = at;
        return value;
      }
    }
    if (hasProps) unsupported();
    // An empty value is null, placed where the next token (a comment, or the line's end) starts.
    this.valueAt = this.at(this.line, emptyCol);
    return null;
  }

  /**
   * A value written on one line, starting at `pos`: a plain scalar, or what {@link indicatedValue} reads. A deeper
   * line after it would continue it (a multi-line scalar), which is the general parser's job: the block readers
   * refuse a line deeper than their own after an entry, so this need not look ahead.
   */
  inlineValue(line: string, pos: number, parentIndent: number, depth: number): unknown {
    const at = this.at(this.line, pos);
    const c = line.charCodeAt(pos);
    const value = inTable(VALUE_INDICATOR, c) ? this.indicatedValue(line, pos, c, parentIndent, depth) : resolvePlainScalar(line.slice(pos, plainEnd(line, pos)));
    this.valueAt = at;
    return value;
  }

  /** A value whose first character `c` is an indicator: alias, flow collection, quoted scalar, block scalar. */
  indicatedValue(line: string, pos: number, c: number, parentIndent: number, depth: number): unknown {
    if (c === STAR) {
      const end = tokenEnd(line, pos + 1);
      this.expectEnd(line, end);
      return this.alias(line.slice(pos + 1, end));
    }
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      this.pos = pos;
      const value = c === OPEN_BRACKET ? this.flowSeq(line, depth) : this.flowMap(line, depth);
      this.expectEnd(line, this.pos);
      return value;
    }
    if (c === DQUOTE || c === SQUOTE) {
      const value = this.quoted(line, pos);
      this.expectEnd(line, this.pos);
      return value;
    }
    if (c === PIPE || c === GT) return this.blockScalar(line, pos, parentIndent);
    // `-` starts a plain scalar unless a space follows (`- x` would be a sequence, not allowed here).
    if (c !== DASH || isDash(line, pos)) unsupported();
    return resolvePlainScalar(line.slice(pos, plainEnd(line, pos)));
  }

  /** After a value only a comment may follow on its line. */
  expectEnd(line: string, end: number): void {
    const pos = skipSpaces(line, end);
    if (pos < line.length && !(line.charCodeAt(pos) === HASH && pos > end)) unsupported();
  }

  alias(name: string): unknown {
    const target = this.anchors.get(name);
    if (target === PENDING || (target === undefined && !this.anchors.has(name))) unsupported();
    return this.clone(target, 0);
  }

  /** A fresh copy of an anchored value, positions included, counted against the alias expansion bound. */
  clone(value: unknown, depth: number): unknown {
    if (++this.expanded > this.maxExpansion || depth > this.maxDepth) unsupported();
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof OverrideTag) return new OverrideTag(this.clone(value.value, depth));
    let copy: Record<string, unknown> | unknown[];
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (let i = 0; i < value.length; i++) items.push(this.clone(value[i], depth + 1));
      copy = items;
    } else {
      const entries: Record<string, unknown> = {};
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) setOwn(entries, keys[i]!, this.clone((value as Record<string, unknown>)[keys[i]!], depth + 1));
      copy = entries;
    }
    copyLocations(value, copy);
    return copy;
  }

  /** A `|` or `>` block scalar; its content is the following lines indented deeper than the parent. */
  blockScalar(line: string, pos: number, parentIndent: number): string {
    const folded = line.charCodeAt(pos) === GT;
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
    if (folded) for (const b of body) if (b.length > 0 && (b.charCodeAt(0) === SPACE || b.charCodeAt(0) === TAB)) unsupported();
    const content = folded ? fold(body) : body.join('\n');
    if (chomp === '-') return content;
    if (chomp === '+') return `${content}\n${'\n'.repeat(trailing)}`;
    return `${content}\n`;
  }

  /**
   * Reads `key:` at `col`: returns the key's text ({@link MERGE} for `<<`) and leaves the cursor after the colon,
   * or returns undefined when the line does not hold a key there.
   */
  mapKey(line: string, col: number): string | typeof MERGE | undefined {
    if (col >= line.length) return undefined;
    const c = line.charCodeAt(col);
    if (c === DQUOTE || c === SQUOTE) return this.quotedKey(line, col);
    if (inTable(NOT_KEY_START, c) || isDash(line, col)) return undefined;
    const colon = colonToken(line, col + 1, line.length);
    if (colon === -1 || commentStart(line, col + 1, colon, false) !== -1) return undefined;
    // The general parser refuses implicit keys longer than 1024 characters.
    if (colon - col > 1024) unsupported();
    this.pos = colon + 1;
    const end = trimEnd(line, col, colon);
    if (end - col === 2 && c === LT && line.charCodeAt(col + 1) === LT) return MERGE;
    const text = line.slice(col, end);
    if (typeof resolvePlainScalar(text) !== 'string') unsupported();
    return text;
  }

  /** A quoted key at `col` and its colon, or undefined when no colon follows the closing quote. */
  quotedKey(line: string, col: number): string | undefined {
    const text = this.quoted(line, col);
    const colon = skipSpaces(line, this.pos);
    if (colon >= line.length || line.charCodeAt(colon) !== COLON || !endsToken(line, colon + 1)) return undefined;
    this.pos = colon + 1;
    return text;
  }

  /** A quoted scalar at `start` that closes on the same line; leaves the cursor after the closing quote. */
  quoted(line: string, start: number): string {
    return line.charCodeAt(start) === SQUOTE ? this.singleQuoted(line, start) : this.doubleQuoted(line, start);
  }

  /** `'...'`, where `''` stands for one quote. Copies whole runs between quotes rather than single characters. */
  singleQuoted(line: string, start: number): string {
    let out = '';
    let from = start + 1;
    for (;;) {
      const quote = line.indexOf("'", from);
      if (quote === -1) unsupported();
      if (quote + 1 < line.length && line.charCodeAt(quote + 1) === SQUOTE) {
        out += line.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      this.pos = quote + 1;
      return out + line.slice(from, quote);
    }
  }

  /** `"..."` with backslash escapes. Copies whole runs between escapes rather than single characters. */
  doubleQuoted(line: string, start: number): string {
    let out = '';
    let from = start + 1;
    let backslash = line.indexOf('\\', from);
    for (;;) {
      const quote = line.indexOf('"', from);
      if (quote === -1) unsupported();
      if (backslash === -1 || backslash > quote) {
        this.pos = quote + 1;
        return out + line.slice(from, quote);
      }
      out += line.slice(from, backslash);
      from = backslash + escapeLength(line, backslash);
      out += unescape(line, backslash);
      backslash = line.indexOf('\\', from);
    }
  }

  /** `[...]` at the cursor, on one line; leaves the cursor after the `]`. */
  flowSeq(line: string, depth: number): unknown[] {
    if (depth > this.maxDepth) unsupported();
    const base = this.itemsTop;
    const mark = this.records.open(this.at(this.line, this.pos));
    this.pos = skipSpaces(line, this.pos + 1);
    while (this.pos >= line.length || line.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      const at = this.at(this.line, this.pos);
      const value = this.flowItem(line, depth + 1, false);
      this.records.entry(this.itemsTop - base, at, undefined);
      this.items[this.itemsTop++] = value;
      this.flowSeparator(line, CLOSE_BRACKET);
    }
    this.pos++;
    return this.endSequence(base, mark);
  }

  /** `{...}` at the cursor, on one line; leaves the cursor after the `}`. */
  flowMap(line: string, depth: number): Record<string, unknown> {
    if (depth > this.maxDepth) unsupported();
    const out: Record<string, unknown> = this.userKeyed ? emptyRecord() : {};
    this.userKeyed = false;
    const mark = this.records.open(this.at(this.line, this.pos));
    this.pos = skipSpaces(line, this.pos + 1);
    while (this.pos >= line.length || line.charCodeAt(this.pos) !== CLOSE_BRACE) {
      const keyAt = this.at(this.line, this.pos);
      const key = this.flowItem(line, depth + 1, true);
      if (typeof key !== 'string' || key === '<<' || (out[key] !== undefined && Object.prototype.hasOwnProperty.call(out, key))) unsupported();
      if (this.pos >= line.length || line.charCodeAt(this.pos) !== COLON) unsupported();
      this.pos = skipSpaces(line, this.pos + 1);
      const valueAt = this.at(this.line, this.pos);
      const value = this.flowItem(line, depth + 1, false);
      setOwn(out, key as string, value);
      this.records.entry(key as string, valueAt, keyAt);
      this.flowSeparator(line, CLOSE_BRACE);
    }
    this.pos++;
    this.records.close(out, mark);
    return out;
  }

  /** After a flow entry: `,` (spaces around it allowed) or the closing bracket. */
  flowSeparator(line: string, close: number): void {
    this.pos = skipSpaces(line, this.pos);
    const c = this.pos < line.length ? line.charCodeAt(this.pos) : -1;
    if (c === COMMA) this.pos = skipSpaces(line, this.pos + 1);
    else if (c !== close) unsupported();
  }

  /** A flow entry at the cursor (a key when `isKey`); leaves the cursor after it and the spaces that follow. */
  flowItem(line: string, depth: number, isKey: boolean): unknown {
    if (this.pos >= line.length) unsupported();
    const c = line.charCodeAt(this.pos);
    if (c === OPEN_BRACKET) return this.flowSeq(line, depth);
    if (c === OPEN_BRACE) return this.flowMap(line, depth);
    if (c === DQUOTE || c === SQUOTE) {
      const value = this.quoted(line, this.pos);
      this.pos = skipSpaces(line, this.pos);
      if (!isKey && this.pos < line.length && line.charCodeAt(this.pos) === COLON) unsupported();
      return value;
    }
    if (c === STAR) {
      const end = flowTokenEnd(line, this.pos + 1);
      const value = this.alias(line.slice(this.pos + 1, end));
      this.pos = skipSpaces(line, end);
      return value;
    }
    return this.flowPlain(line, c, isKey);
  }

  /** A plain scalar inside a flow collection, starting with `first` at the cursor. */
  flowPlain(line: string, first: number, isKey: boolean): unknown {
    // `-` starts a plain scalar only when a digit or dot follows (`-1`); every other indicator is left to the
    // general parser.
    if (inTable(NOT_FLOW_PLAIN_START, first)) unsupported();
    if (first === DASH) {
      const after = this.pos + 1 < line.length ? line.charCodeAt(this.pos + 1) : -1;
      if (!(after === 46 /* . */ || (after >= 48 && after <= 57))) unsupported();
    }
    const end = flowPlainEnd(line, this.pos);
    const textEnd = trimEnd(line, this.pos, end);
    if (textEnd === this.pos) unsupported();
    const text = line.slice(this.pos, textEnd);
    this.pos = end;
    if (!isKey && end < line.length && line.charCodeAt(end) === COLON) unsupported();
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

/** How many hex digits follow the escape letter `e` (`\x`, `\u`, `\U`), or 0 for a single-character escape. */
function hexDigits(e: string | undefined): number {
  return e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
}

/** The length of the escape sequence whose backslash is at `at`. */
function escapeLength(line: string, at: number): number {
  return 2 + hexDigits(line[at + 1]);
}

/** The text the escape sequence at `at` stands for. */
function unescape(line: string, at: number): string {
  const e = line[at + 1];
  if (e === undefined) unsupported();
  const hex = hexDigits(e);
  if (hex > 0) {
    const digits = line.slice(at + 2, at + 2 + hex);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) unsupported();
    return String.fromCodePoint(parseInt(digits, 16));
  }
  const mapped = ESCAPES[e!];
  if (mapped === undefined) unsupported();
  return mapped!;
}

/** The first character that is not a space. */
const NOT_SPACE = /[^ ]/;

/** A line's indentation, or -1 for a line that holds nothing (blank or only a comment). */
function measureIndent(line: string): number {
  // One native regex search costs less than a loop of charCodeAt calls in cold code.
  const i = line.search(NOT_SPACE);
  if (i === -1) return -1;
  const c = line.charCodeAt(i);
  if (c === HASH) return -1;
  if (c === TAB) {
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

/** Where the text in `[from, end)` ends once trailing spaces and tabs are dropped. */
function trimEnd(line: string, from: number, end: number): number {
  let i = end;
  while (i > from && (line.charCodeAt(i - 1) === SPACE || line.charCodeAt(i - 1) === TAB)) i--;
  return i;
}

/** True when position `pos` ends a token: end of line or whitespace. */
function endsToken(line: string, pos: number): boolean {
  return pos >= line.length || line.charCodeAt(pos) === SPACE || line.charCodeAt(pos) === TAB;
}

function isDash(line: string, pos: number): boolean {
  return pos < line.length && line.charCodeAt(pos) === DASH && endsToken(line, pos + 1);
}

function tokenEnd(line: string, pos: number): number {
  let i = pos;
  while (i < line.length && line.charCodeAt(i) !== SPACE && line.charCodeAt(i) !== TAB) i++;
  return i;
}

function flowTokenEnd(line: string, pos: number): number {
  let i = pos;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === SPACE || c === TAB || c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE) break;
  }
  return i;
}

/**
 * The first `:` in `[from, to)` that ends a token (a mapping indicator), or -1. Searched with `indexOf`, which scans
 * natively: most values hold no colon, or one inside a URL or port.
 */
function colonToken(line: string, from: number, to: number): number {
  let colon = line.indexOf(':', from);
  while (colon !== -1 && colon < to) {
    if (endsToken(line, colon + 1)) return colon;
    colon = line.indexOf(':', colon + 1);
  }
  return -1;
}

/**
 * The first `#` in `[from, to)` that starts a comment (follows a space, or a tab when `afterTab`), or -1.
 * `from` must be past the token's first character, which the callers have already checked is not `#`.
 */
function commentStart(line: string, from: number, to: number, afterTab: boolean): number {
  let hash = line.indexOf('#', from);
  while (hash !== -1 && hash < to) {
    const before = line.charCodeAt(hash - 1);
    if (before === SPACE || (afterTab && before === TAB)) return hash;
    hash = line.indexOf('#', hash + 1);
  }
  return -1;
}

/** Where a block plain scalar ends: before ` #` or at the end of the line, trailing spaces excluded. */
function plainEnd(line: string, pos: number): number {
  const comment = commentStart(line, pos + 1, line.length, true);
  const end = comment === -1 ? line.length : comment;
  if (colonToken(line, pos, end) !== -1) unsupported();
  return trimEnd(line, pos, end);
}

/** Where a flow plain scalar that starts at `pos` ends (trailing spaces included). */
function flowPlainEnd(line: string, pos: number): number {
  let end = pos;
  for (; end < line.length; end++) {
    const c = line.charCodeAt(end);
    if (!inTable(FLOW_PLAIN_SPECIAL, c)) continue;
    if (c === COLON) {
      const after = end + 1 < line.length ? line.charCodeAt(end + 1) : -1;
      if (after === -1 || after === SPACE || after === COMMA || after === CLOSE_BRACKET || after === CLOSE_BRACE) break;
    } else if (c === HASH) {
      if (line.charCodeAt(end - 1) === SPACE) unsupported();
    } else break;
  }
  return end;
}

function isDocumentMarker(line: string, marker: string): boolean {
  return line === marker || line.startsWith(`${marker} `) || line.startsWith(`${marker}\t`);
}
