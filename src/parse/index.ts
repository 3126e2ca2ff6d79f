/**
 * The parse stage: compose YAML text to plain data (objects, arrays, scalars) with the position of every key,
 * value and item recorded beside it (`diagnostics/locations.ts`), the way Compose's Go loader reads YAML:
 * Go scalar rules, `<<` merge keys, `!reset`/`!override` tags, duplicate and non-string keys rejected, and alias
 * expansion bounded so a billion-laughs file is refused quickly.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics/diagnostic.js';
import { copyEntryLocation, setEntryLocation, setSelfLocation } from '../diagnostics/locations.js';
import { setOwn } from '../util/objects.js';
import { parseFast } from './fast.js';
import { aliasExpansionBound, DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.js';
import { resolvePlainScalar } from './scalars.js';
import { OverrideTag, RESET } from './tags.js';

export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.js';

/** One YAML document of a compose file, as plain data. */
export interface ParsedDocument {
  value: unknown;
}

/** A parsed compose file: its documents and every problem found. */
export interface ParsedFile {
  file: string;
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

/** Raised inside the converter to stop at a limit; never escapes {@link parseComposeYaml}. */
class LimitReached extends Error {}

/** Options of {@link parseComposeYaml} beyond the limits. */
export interface ParseOptions {
  /** Skip the fast path and always use the general parser (for tests that compare the two). */
  generalOnly?: boolean;
}

/** Parses a compose file's text. Never throws for bad input. */
export function parseComposeYaml(text: string, file: string, limits: Partial<ParseLimits> = {}, options: ParseOptions = {}): ParsedFile {
  const bounds: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...limits };
  const result: ParsedFile = { file, documents: [], diagnostics: [] };
  const byteLength = Buffer.byteLength(text, 'utf8');
  if (byteLength > bounds.maxFileBytes) {
    result.diagnostics.push(
      error(
        'YAML_FILE_TOO_LARGE',
        `the file is ${byteLength} bytes, more than the limit of ${bounds.maxFileBytes}`,
        { file, line: 1, column: 1 },
        'raise the limit with --max-file-bytes if the file is genuine',
      ),
    );
    return result;
  }
  const expansion = aliasExpansionBound(byteLength, limits);
  const fast = options.generalOnly ? undefined : parseFast(text, file, bounds, expansion);
  if (fast) {
    result.documents.push({ value: fast.value });
    return result;
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    schema: 'failsafe',
    uniqueKeys: false,
    merge: false,
    strict: false,
    prettyErrors: false,
    // Warnings (such as the unresolved !reset tag) would go to process.emitWarning and clutter stderr.
    logLevel: 'error',
  });
  const list = Array.isArray(docs) ? docs : [];
  const at = (offset: number): SourceLocation => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  if (list.length > bounds.maxDocuments) {
    result.diagnostics.push(
      error('YAML_DOCUMENT_LIMIT', `the file has ${list.length} YAML documents, more than the limit of ${bounds.maxDocuments}`, at(list[bounds.maxDocuments]!.range[0])),
    );
    return result;
  }
  for (const doc of list) {
    for (const e of doc.errors) {
      result.diagnostics.push(error('YAML_SYNTAX', firstLine(e.message), at(e.pos[0])));
    }
  }
  if (result.diagnostics.length > 0) return result;
  const converter = new Converter(at, { ...bounds, maxAliasExpansion: expansion }, result.diagnostics);
  list.forEach((doc, index) => {
    if (doc.contents === null) {
      if (index === 0 && list.length === 1) result.diagnostics.push(error('YAML_EMPTY', 'empty compose file', at(0)));
      return;
    }
    const value = converter.document(doc);
    if (value === undefined) return;
    result.documents.push({ value });
  });
  if (list.length === 0) result.diagnostics.push(error('YAML_EMPTY', 'empty compose file', at(0)));
  return result;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

class Converter {
  #expanded = 0;
  /** Anchors seen so far, in document order: an alias refers to the latest definition before it. */
  readonly #anchors = new Map<string, Node>();
  readonly #active = new Set<Node>();

  constructor(
    readonly at: (offset: number) => SourceLocation,
    readonly limits: ParseLimits,
    readonly diagnostics: Diagnostic[],
  ) {}

  document(doc: { contents: unknown }): unknown {
    this.#anchors.clear();
    const contents = doc.contents as Node;
    if (!isMap(contents) && !(isScalar(contents) && contents.value === null)) {
      this.report('YAML_TOP_LEVEL_NOT_MAPPING', 'the top level of a compose file must be a mapping', contents);
      return undefined;
    }
    try {
      return this.node(contents, 0, false);
    } catch (e) {
      if (e instanceof LimitReached) return undefined;
      throw e;
    }
  }

  report(code: string, message: string, node: Node | null | undefined, hint?: string): void {
    this.diagnostics.push(error(code, message, this.at(node?.range?.[0] ?? 0), hint));
  }

  locate(node: Node | null | undefined): SourceLocation | undefined {
    return node?.range ? this.at(node.range[0]) : undefined;
  }

  /** Converts a node; `viaAlias` counts the nodes an alias expansion produces against the limit. */
  node(node: Node | null, depth: number, viaAlias: boolean): unknown {
    if (node === null) return null;
    if (depth > this.limits.maxDepth) {
      this.report('YAML_DEPTH_LIMIT', `nesting is deeper than the limit of ${this.limits.maxDepth}`, node);
      throw new LimitReached();
    }
    if (viaAlias && ++this.#expanded > this.limits.maxAliasExpansion) {
      this.report(
        'YAML_ALIAS_LIMIT',
        `aliases expand to more than ${this.limits.maxAliasExpansion} nodes, far more than the file's size explains (a YAML alias bomb?)`,
        node,
        'raise the limit with --max-alias-expansion if the file is genuine',
      );
      throw new LimitReached();
    }
    if (isAlias(node)) return this.alias(node, depth);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && !viaAlias) this.#anchors.set(anchor, node);
    const tag = node.tag;
    let value: unknown;
    if (isMap(node)) value = this.map(node, depth, viaAlias);
    else if (isSeq(node)) value = this.seq(node, depth, viaAlias);
    else value = this.scalar(node as Scalar);
    if (tag === '!reset') return RESET;
    if (tag === '!override') return new OverrideTag(value);
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      this.report('YAML_UNKNOWN_TAG', `unknown tag ${tag}: Compose knows only !reset and !override`, node);
    }
    return value;
  }

  alias(node: Node & { source: string }, depth: number): unknown {
    // The yaml package's own Alias.resolve searches the whole document each time, which is quadratic.
    const target = this.#anchors.get(node.source);
    if (!target) {
      this.report('YAML_SYNTAX', `unknown alias *${node.source}`, node);
      return null;
    }
    if (this.#active.has(target)) {
      this.report('YAML_ALIAS_CYCLE', `alias *${node.source} refers to a node that contains it`, node);
      throw new LimitReached();
    }
    return this.node(target, depth, true);
  }

  map(node: YAMLMap, depth: number, viaAlias: boolean): Record<string, unknown> {
    this.#active.add(node);
    const out: Record<string, unknown> = {};
    setSelfLocation(out, this.locate(node));
    const seen = new Map<string, SourceLocation | undefined>();
    const merged: Record<string, unknown>[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === '<<' && !keyNode.tag) {
        merged.push(...this.mergeSources(valueNode, depth, viaAlias));
        continue;
      }
      const key = this.key(keyNode);
      if (key === undefined) continue;
      const keyLocation = this.locate(keyNode);
      if (seen.has(key)) {
        const first = seen.get(key);
        this.report('YAML_DUPLICATE_KEY', `mapping key "${key}" already defined at line ${first?.line ?? '?'}`, keyNode);
        continue;
      }
      seen.set(key, keyLocation);
      setOwn(out, key, this.node(valueNode, depth + 1, viaAlias));
      setEntryLocation(out, key, this.locate(valueNode) ?? keyLocation, keyLocation);
    }
    // Explicit keys win over merged ones; among merge sources, earlier ones win (YAML merge key semantics).
    for (const source of merged) {
      for (const key of Object.keys(source)) {
        if (Object.prototype.hasOwnProperty.call(out, key)) continue;
        setOwn(out, key, source[key]);
        copyEntryLocation(source, key, out);
      }
    }
    this.#active.delete(node);
    return out;
  }

  mergeSources(valueNode: Node | null, depth: number, viaAlias: boolean): Record<string, unknown>[] {
    const items = isSeq(valueNode) ? (valueNode.items as Node[]) : [valueNode];
    const sources: Record<string, unknown>[] = [];
    for (const item of items) {
      const value = this.node(item, depth + 1, viaAlias);
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof OverrideTag)) {
        sources.push(value as Record<string, unknown>);
      } else {
        this.report('YAML_MERGE_NOT_MAPPING', 'a << merge key takes a mapping, an alias to one, or a list of them', item);
      }
    }
    return sources;
  }

  key(keyNode: Node | null): string | undefined {
    if (isScalar(keyNode)) {
      if (keyNode.type !== 'PLAIN' || keyNode.tag === '!!str' || keyNode.tag === 'tag:yaml.org,2002:str') {
        return String(keyNode.value);
      }
      const resolved = resolvePlainScalar(String(keyNode.value));
      if (typeof resolved === 'string') return resolved;
      this.report(
        'YAML_NON_STRING_KEY',
        `mapping key ${String(keyNode.value) || 'null'} is not a string`,
        keyNode,
        `quote it: "${String(keyNode.value)}"`,
      );
      return undefined;
    }
    if (isAlias(keyNode)) {
      const target = this.#anchors.get(keyNode.source);
      if (isScalar(target)) return this.key(target);
    }
    this.report('YAML_NON_STRING_KEY', 'mapping keys must be strings, not mappings or sequences', keyNode);
    return undefined;
  }

  seq(node: YAMLSeq, depth: number, viaAlias: boolean): unknown[] {
    this.#active.add(node);
    const out: unknown[] = [];
    setSelfLocation(out, this.locate(node));
    node.items.forEach((item, index) => {
      out.push(this.node(item as Node | null, depth + 1, viaAlias));
      setEntryLocation(out, index, this.locate(item as Node | null) ?? this.locate(node));
    });
    this.#active.delete(node);
    return out;
  }

  scalar(node: Scalar): unknown {
    const raw = node.value;
    if (typeof raw !== 'string') return raw ?? null;
    const tag = node.tag;
    if (tag === 'tag:yaml.org,2002:str') return raw;
    if (node.type === 'PLAIN' || (tag && /^tag:yaml\.org,2002:(int|float|bool|null)$/.test(tag))) {
      return resolvePlainScalar(raw);
    }
    return raw;
  }
}
