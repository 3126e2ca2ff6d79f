/**
 * Source positions for plain data.
 *
 * The parser turns YAML into plain objects and arrays so that later stages (merge, validation, normalization) stay
 * simple, but every error still needs a file, line and column. Positions therefore live beside the data, in a
 * record attached to each container, invisible to the data's own keys: for a mapping, where each key and each
 * value was written; for a sequence, where each item was written. Stages that build new containers copy the
 * entries they carry over with {@link copyEntryLocation} or {@link copyLocations}, so a position follows its value
 * through merging and into the IR. A record lives exactly as long as its container.
 *
 * A large project has hundreds of thousands of entries and every one of them is recorded, while only the few that
 * a diagnostic names are ever read. So a record is built for cheap writing and compact keeping: one array per
 * container, positions packed into small integers, {@link SourceLocation} objects made only when one is read.
 */
import type { SourceLocation } from './diagnostic.js';

/**
 * A position as a record keeps it: a line and column packed into one small integer (`line * 2048 + column`), in
 * the file the record names, or a full location when it does not fit or comes from another file. A small integer
 * sits in an array slot as is: no object for the collector to move.
 */
export type Position = number | SourceLocation;

const COLUMN_LIMIT = 2048;
/** Below 2^20 lines, a packed position stays below 2^31, within V8's small integers. */
const LINE_LIMIT = 1 << 20;

/** Packs a 1-based line and column of `file`, or returns the full location when they are too large to pack. */
export function packPosition(file: string, line: number, column: number): Position {
  return line < LINE_LIMIT && column < COLUMN_LIMIT ? line * COLUMN_LIMIT + column : { file, line, column };
}

function unpack(file: string | undefined, position: Position | undefined): SourceLocation | undefined {
  if (typeof position !== 'number') return position;
  return { file: file!, line: Math.floor(position / COLUMN_LIMIT), column: position % COLUMN_LIMIT };
}

/**
 * A container's positions, in one array: the file packed positions refer to, the container's own position, an
 * index from key to slot (made only for records with many entries, on first lookup), whether several containers
 * share the record, then one triple per entry (key, value position, key position), in the order first recorded.
 */
type LocationRecord = unknown[];

const FILE = 0;
const SELF = 1;
const INDEX = 2;
const SHARED = 3;
const FIRST_ENTRY = 4;
const STRIDE = 3;
/** Records with more entries than this are looked up through an index instead of a scan. */
const SCAN_LIMIT = 32;

/**
 * A record hangs off its container as a non-enumerable property under a private symbol: invisible to
 * `Object.keys`, spreads, JSON and deep equality, and much cheaper for the collector than a WeakMap with hundreds
 * of thousands of entries. A copy shares its original's record (both are then marked shared) until either side
 * records something, which first takes a copy of its own. A record refers to no container, so a copy never keeps
 * its original (and the original's whole subtree) alive: the raw model can be collected while the IR built from
 * it lives on. Containers that cannot take a property (frozen ones) use a WeakMap instead.
 */
const RECORD = Symbol('stackport.locations');

type Carrier = { [RECORD]?: LocationRecord };

const frozenTable = new WeakMap<object, LocationRecord>();
/** Whether any record lives in {@link frozenTable}; until one does, lookups skip it (almost every run). */
let anyFrozen = false;

function readable(container: object): LocationRecord | undefined {
  const found = (container as Carrier)[RECORD];
  return found !== undefined || !anyFrozen ? found : frozenTable.get(container);
}

function attach(container: object, record: LocationRecord): void {
  if ((container as Carrier)[RECORD] !== undefined) (container as Carrier)[RECORD] = record;
  else if (Object.isExtensible(container)) Object.defineProperty(container, RECORD, { value: record, writable: true, configurable: true });
  else {
    anyFrozen = true;
    frozenTable.set(container, record);
  }
}

/**
 * The record the container may change: its own, made (or copied from a shared one) on first write. `key`, when
 * given, is the entry about to be written: a new record gets an empty triple for it from the start, because
 * growing an array leaves it half empty (it grows by half again plus 16 slots) and the IR keeps these records.
 */
function writable(container: object, key?: string | number): LocationRecord {
  const current = readable(container);
  if (current !== undefined && current[SHARED] !== true) return current;
  let record: LocationRecord;
  if (current === undefined) {
    record = key === undefined ? [undefined, undefined, undefined, false] : [undefined, undefined, undefined, false, key, undefined, undefined];
  } else {
    record = key === undefined || slotOf(current, key) !== -1 ? current.slice() : current.concat(key, undefined, undefined);
    record[INDEX] = undefined;
    record[SHARED] = false;
  }
  attach(container, record);
  return record;
}

/** The slot of `key`'s triple in `record`, or -1. */
function slotOf(record: LocationRecord, key: string | number): number {
  let index = record[INDEX] as Map<string | number, number> | undefined;
  if (index === undefined) {
    if (record.length <= FIRST_ENTRY + STRIDE * SCAN_LIMIT) {
      for (let i = FIRST_ENTRY; i < record.length; i += STRIDE) if (record[i] === key) return i;
      return -1;
    }
    index = new Map();
    for (let i = FIRST_ENTRY; i < record.length; i += STRIDE) index.set(record[i] as string | number, i);
    record[INDEX] = index;
  }
  return index.get(key) ?? -1;
}

/** A position from a record whose file is `file`, made fit to store in `record`. */
function portable(position: Position, file: string | undefined, record: LocationRecord): Position {
  if (typeof position !== 'number' || record[FILE] === file) return position;
  if (record[FILE] === undefined) {
    record[FILE] = file;
    return position;
  }
  return unpack(file, position)!;
}

/** Appends a triple for a key the record does not hold yet. */
function append(record: LocationRecord, key: string | number, value: Position | undefined, keyPosition: Position | undefined): void {
  const index = record[INDEX] as Map<string | number, number> | undefined;
  if (index !== undefined) index.set(key, record.length);
  record.push(key, value, keyPosition);
}

/** Stores either position of an entry that `file`'s packed positions refer to; undefined ones are left as they were. */
function store(record: LocationRecord, key: string | number, file: string | undefined, value: Position | undefined, keyPosition: Position | undefined): void {
  if (value !== undefined) value = portable(value, file, record);
  if (keyPosition !== undefined) keyPosition = portable(keyPosition, file, record);
  const slot = slotOf(record, key);
  if (slot === -1) append(record, key, value, keyPosition);
  else {
    if (value !== undefined) record[slot + 1] = value;
    if (keyPosition !== undefined) record[slot + 2] = keyPosition;
  }
}

/**
 * Builds the records of a parser's new containers, each at its exact size. A parser reads a container's entries
 * one after another and finishes a nested container before its parent's next entry, so the record of every
 * container still being read is a stretch at the top of one shared stack, copied out when its container ends.
 * (Growing each record on its own would leave it half empty: an array grows by half again plus 16 slots.)
 */
export class RecordBuilder {
  private readonly stack: unknown[] = [];
  private top = 0;

  /** `file` is the file every packed position given to this builder refers to. */
  constructor(private readonly file: string) {}

  /** Starts the record of a container written at `self`; returns the mark that {@link close} takes. */
  open(self: Position): number {
    const s = this.stack;
    const base = this.top;
    s[base] = this.file;
    s[base + 1] = self;
    s[base + 2] = undefined;
    s[base + 3] = false;
    this.top = base + FIRST_ENTRY;
    return base;
  }

  /** Adds an entry the record does not hold yet: where its value (or item) and, for a mapping, its key were written. */
  entry(key: string | number, value: Position, keyPosition: Position | undefined): void {
    const s = this.stack;
    const t = this.top;
    s[t] = key;
    s[t + 1] = value;
    s[t + 2] = keyPosition;
    this.top = t + STRIDE;
  }

  /** Adds the entry `key` of another container (a merge source), as that container records it. */
  entryFrom(source: object, key: string): void {
    const record = readable(source);
    const slot = record === undefined ? -1 : slotOf(record, key);
    if (slot === -1) return;
    const file = record![FILE] as string | undefined;
    const value = record![slot + 1] as Position | undefined;
    const keyPosition = record![slot + 2] as Position | undefined;
    const s = this.stack;
    const t = this.top;
    s[t] = key;
    s[t + 1] = file === this.file ? value : unpack(file, value);
    s[t + 2] = file === this.file ? keyPosition : unpack(file, keyPosition);
    this.top = t + STRIDE;
  }

  /** Ends the record opened at `mark` and gives it to `container`. */
  close(container: object, mark: number): void {
    attach(container, this.stack.slice(mark, this.top));
    this.top = mark;
  }
}

/** Records where a container starts. */
export function setSelfLocation(container: object, location: SourceLocation | undefined): void {
  if (location) writable(container)[SELF] = location;
}

/** Records where a mapping entry's key and value (or a sequence item) were written. */
export function setEntryLocation(
  container: object,
  key: string | number,
  value: SourceLocation | undefined,
  keyLocation?: SourceLocation,
): void {
  const keyPosition = typeof key === 'string' ? keyLocation : undefined;
  if (!value && !keyPosition) return;
  store(writable(container, key), key, undefined, value, keyPosition);
}

/**
 * Copies the position of entry `fromKey` of `from` to entry `toKey` of `to`. Used when a stage moves a value into a
 * new container, such as a merge result or an IR object. Where only the key's position is known, it stands for the
 * value's too.
 */
export function copyEntryLocation(
  from: object,
  fromKey: string | number,
  to: object,
  toKey: string | number = fromKey,
): void {
  const source = readable(from);
  if (source === undefined) return;
  const slot = slotOf(source, fromKey);
  if (slot === -1) return;
  const keyPosition = typeof fromKey === 'string' ? (source[slot + 2] as Position | undefined) : undefined;
  const value = (source[slot + 1] as Position | undefined) ?? keyPosition;
  if (value === undefined && (keyPosition === undefined || typeof toKey !== 'string')) return;
  store(writable(to, toKey), toKey, source[FILE] as string | undefined, value, typeof toKey === 'string' ? keyPosition : undefined);
}

/** Copies every recorded position of `from` onto `to` (entries already recorded on `to` are overwritten). */
export function copyLocations(from: object, to: object): void {
  const source = readable(from);
  if (source === undefined) return;
  if (readable(to) === undefined) {
    // The common case, a fresh copy: share the record until either side writes to it.
    source[SHARED] = true;
    attach(to, source);
    return;
  }
  const target = writable(to);
  const file = source[FILE] as string | undefined;
  if (source[SELF] !== undefined && target[SELF] === undefined) target[SELF] = portable(source[SELF] as Position, file, target);
  for (let i = FIRST_ENTRY; i < source.length; i += STRIDE) {
    store(target, source[i] as string | number, file, source[i + 1] as Position | undefined, source[i + 2] as Position | undefined);
  }
}

/** Where the container itself was written, if known. */
export function selfLocation(container: object): SourceLocation | undefined {
  const record = readable(container);
  return record === undefined ? undefined : unpack(record[FILE] as string | undefined, record[SELF] as Position | undefined);
}

/** Whether a position is recorded for the entry's value (or item) itself. */
export function hasEntryLocation(container: object, key: string | number): boolean {
  const record = readable(container);
  if (record === undefined) return false;
  const slot = slotOf(record, key);
  return slot !== -1 && record[slot + 1] !== undefined;
}

/**
 * The positions recorded for one entry, without fallbacks: where its value (or item) and its key were written.
 * For tools and tests that compare records; diagnostics want {@link entryLocation} or {@link keyLocation}.
 */
export function recordedEntry(container: object, key: string | number): { value?: SourceLocation; key?: SourceLocation } {
  const record = readable(container);
  const slot = record === undefined ? -1 : slotOf(record, key);
  if (slot === -1) return {};
  const file = record![FILE] as string | undefined;
  const out: { value?: SourceLocation; key?: SourceLocation } = {};
  const value = unpack(file, record![slot + 1] as Position | undefined);
  const keyPosition = unpack(file, record![slot + 2] as Position | undefined);
  if (value) out.value = value;
  if (keyPosition) out.key = keyPosition;
  return out;
}

/** The position in slot `first` of `key`'s triple (1: value, 2: key), else the one in the other slot, else self. */
function lookup(container: object, key: string | number, first: 1 | 2): SourceLocation | undefined {
  const record = readable(container);
  if (record === undefined) return undefined;
  const slot = slotOf(record, key);
  let found: Position | undefined;
  if (slot !== -1) {
    const second = first === 1 ? 2 : 1;
    found = (record[slot + first] as Position | undefined) ?? (record[slot + second] as Position | undefined);
  }
  return unpack(record[FILE] as string | undefined, found ?? (record[SELF] as Position | undefined));
}

/**
 * Where an entry of a container was written: the value (or item) position when known, else the key position, else
 * the container's own position.
 */
export function entryLocation(container: object, key: string | number): SourceLocation | undefined {
  return lookup(container, key, 1);
}

/** Where the key of a mapping entry was written, falling back to its value and then the mapping. */
export function keyLocation(container: object, key: string): SourceLocation | undefined {
  return lookup(container, key, 2);
}

/**
 * Finds the best known position for a path into plain data: the deepest entry along the path that has a recorded
 * position. Used to place schema errors, whose paths come as JSON Pointer segments.
 */
export function locatePath(root: unknown, path: readonly (string | number)[]): SourceLocation | undefined {
  let best: SourceLocation | undefined;
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') break;
    const found = entryLocation(current, Array.isArray(current) ? Number(segment) : String(segment));
    if (found) best = found;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return best;
}
