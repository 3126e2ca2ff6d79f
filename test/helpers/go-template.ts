/**
 * A small interpreter for the part of Go's text/template language (and of Helm's function library) that the
 * charts stackport writes use, so a test can render a chart without a `helm` binary. It follows Go's rules for
 * what it supports (trim markers, pipelines passing the previous result as the last argument, `with` rebinding
 * the dot, truthiness of empty values) and throws on anything else, so a template that strays outside this subset
 * fails the test instead of rendering wrongly.
 */
import { stringify } from 'yaml';

type Node =
  | { type: 'text'; text: string }
  | { type: 'action'; pipe: string; declare?: string }
  | { type: 'if' | 'with'; branches: { cond: string | null; body: Node[] }[] }
  | { type: 'define'; name: string; body: Node[] };

interface Scope {
  dot: unknown;
  root: unknown;
  vars: Map<string, unknown>;
}

/** Templates by name (the `define`d ones) and by file, sharing one set of definitions as Helm does. */
export class TemplateSet {
  private readonly defines = new Map<string, Node[]>();
  private readonly files = new Map<string, Node[]>();

  /** Parses one template file and registers its `define`s. */
  add(file: string, source: string): void {
    const nodes = parse(tokenize(source));
    for (const n of nodes) if (n.type === 'define') this.defines.set(n.name, n.body);
    this.files.set(file, nodes.filter((n) => n.type !== 'define'));
  }

  /** Renders a file with `data` as the root (Helm's `.Values`, `.Release`, `.Chart`). */
  render(file: string, data: unknown): string {
    const nodes = this.files.get(file);
    if (!nodes) throw new Error(`no template ${file}`);
    return this.exec(nodes, { dot: data, root: data, vars: new Map([['$', data]]) });
  }

  private exec(nodes: Node[], scope: Scope): string {
    let out = '';
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out += node.text;
          break;
        case 'action': {
          const value = this.pipeline(node.pipe, scope);
          if (node.declare) scope.vars.set(node.declare, value);
          else out += printValue(value);
          break;
        }
        case 'if':
        case 'with': {
          for (const branch of node.branches) {
            const value = branch.cond === null ? true : this.pipeline(branch.cond, scope);
            if (!truthy(value)) continue;
            const inner: Scope = { ...scope, vars: new Map(scope.vars), dot: node.type === 'with' && branch.cond !== null ? value : scope.dot };
            out += this.exec(branch.body, inner);
            break;
          }
          break;
        }
        case 'define':
          break;
      }
    }
    return out;
  }

  private pipeline(text: string, scope: Scope): unknown {
    const commands = splitTop(text, '|');
    let value: unknown;
    commands.forEach((command, i) => {
      const words = splitWords(command.trim());
      const head = words[0]!;
      if (FUNCTIONS.has(head) || head === 'include') {
        const args = words.slice(1).map((w) => this.operand(w, scope));
        if (i > 0) args.push(value);
        value = head === 'include' ? this.include(args[0] as string, args[1], scope) : FUNCTIONS.get(head)!(...args);
      } else {
        if (words.length !== 1 || i > 0) throw new Error(`unsupported command "${command}"`);
        value = this.operand(head, scope);
      }
    });
    return value;
  }

  private include(name: string, dot: unknown, scope: Scope): string {
    const body = this.defines.get(name);
    if (!body) throw new Error(`include of undefined template "${name}"`);
    return this.exec(body, { dot, root: scope.root, vars: new Map([['$', dot]]) });
  }

  private operand(word: string, scope: Scope): unknown {
    if (word.startsWith('"')) return JSON.parse(word) as string;
    if (/^-?\d+$/.test(word)) return Number(word);
    if (word.startsWith('(')) {
      const close = matchingParen(word);
      return fields(this.pipeline(word.slice(1, close), scope), word.slice(close + 1));
    }
    if (word === '.') return scope.dot;
    if (word.startsWith('.')) return fields(scope.dot, word);
    if (word.startsWith('$')) {
      const dot = word.indexOf('.');
      const name = dot < 0 ? word : word.slice(0, dot);
      if (!scope.vars.has(name)) throw new Error(`undefined variable ${name}`);
      return fields(scope.vars.get(name), dot < 0 ? '' : word.slice(dot));
    }
    throw new Error(`unsupported operand "${word}"`);
  }
}

const FUNCTIONS = new Map<string, (...args: unknown[]) => unknown>([
  ['index', (object, ...keys) => keys.reduce((o, k) => (o as Record<string, unknown> | undefined)?.[k as string], object)],
  ['quote', (...values) => values.map((v) => JSON.stringify(printValue(v))).join(' ')],
  ['toYaml', (v) => (v === undefined || v === null ? 'null' : stringify(v, { lineWidth: 0 }).replace(/\n$/, ''))],
  ['nindent', (n, s) => `\n${indentLines(n as number, String(s))}`],
  ['indent', (n, s) => indentLines(n as number, String(s))],
  ['trunc', (n, s) => String(s).slice(0, n as number)],
  ['trimSuffix', (suffix, s) => (String(s).endsWith(suffix as string) ? String(s).slice(0, -(suffix as string).length) : s)],
  ['replace', (from, to, s) => String(s).split(from as string).join(to as string)],
  ['printf', (format, ...args) => String(format).replace(/%s/g, () => printValue(args.shift()))],
  ['default', (fallback, v) => (truthy(v) ? v : fallback)],
  ['hasKey', (map, key) => map !== null && typeof map === 'object' && Object.hasOwn(map, key as string)],
]);

function fields(value: unknown, chain: string): unknown {
  if (chain === '') return value;
  return chain
    .slice(1)
    .split('.')
    .reduce((o, k) => (o === undefined || o === null ? undefined : (o as Record<string, unknown>)[k]), value);
}

function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function printValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') throw new Error('printing a map or list directly; use toYaml');
  return String(value);
}

function indentLines(n: number, text: string): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(n) + line)
    .join('\n');
}

type Token = { kind: 'text'; text: string } | { kind: 'action'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    const open = source.indexOf('{{', pos);
    if (open < 0) {
      tokens.push({ kind: 'text', text: source.slice(pos) });
      break;
    }
    let text = source.slice(pos, open);
    const close = source.indexOf('}}', open);
    if (close < 0) throw new Error('unclosed action');
    let inner = source.slice(open + 2, close);
    if (/^-\s/.test(inner)) {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(1);
    }
    let end = close + 2;
    if (/\s-$/.test(inner)) {
      inner = inner.slice(0, -1);
      end += /^\s*/.exec(source.slice(end))![0].length;
    }
    tokens.push({ kind: 'text', text });
    inner = inner.trim();
    if (!(inner.startsWith('/*') && inner.endsWith('*/'))) tokens.push({ kind: 'action', text: inner });
    pos = end;
  }
  return tokens;
}

function parse(tokens: Token[]): Node[] {
  let i = 0;
  const block = (): { nodes: Node[]; stop: string } => {
    const nodes: Node[] = [];
    while (i < tokens.length) {
      const t = tokens[i++]!;
      if (t.kind === 'text') {
        if (t.text) nodes.push({ type: 'text', text: t.text });
        continue;
      }
      const [keyword] = t.text.split(/\s+/, 1);
      if (keyword === 'end' || keyword === 'else') return { nodes, stop: t.text };
      if (keyword === 'if' || keyword === 'with') {
        const branches: { cond: string | null; body: Node[] }[] = [];
        let cond: string | null = t.text.slice(keyword.length).trim();
        for (;;) {
          const { nodes: body, stop } = block();
          branches.push({ cond, body });
          if (stop === 'end') break;
          if (stop === 'else') cond = null;
          else if (stop.startsWith('else if ')) cond = stop.slice('else if '.length).trim();
          else throw new Error(`unexpected {{${stop}}}`);
        }
        nodes.push({ type: keyword, branches });
      } else if (keyword === 'define') {
        const name = JSON.parse(t.text.slice('define'.length).trim()) as string;
        nodes.push({ type: 'define', name, body: block().nodes });
      } else {
        const m = /^(\$\w+)\s*:=\s*(.*)$/s.exec(t.text);
        nodes.push(m ? { type: 'action', declare: m[1]!, pipe: m[2]! } : { type: 'action', pipe: t.text });
      }
    }
    return { nodes, stop: '' };
  };
  return block().nodes;
}

/** Splits on `separator` outside strings and parentheses. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') i = stringEnd(text, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function splitWords(text: string): string[] {
  return splitTop(text.replace(/\s+/g, ' '), ' ').filter((w) => w !== '');
}

function stringEnd(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

function matchingParen(word: string): number {
  let depth = 0;
  for (let i = 0; i < word.length; i++) {
    if (word[i] === '"') i = stringEnd(word, i);
    else if (word[i] === '(') depth++;
    else if (word[i] === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses in ${word}`);
}
