/**
 * The type casts Compose applies after interpolation (compose-semantics §3.6): at fixed paths, every string (not
 * only the templated ones) becomes an integer, a float or a boolean, so `replicas: "3"` and `replicas: ${N}` both
 * reach the schema as numbers.
 */

/** The target type of a cast. */
export type CastKind = 'int' | 'int64' | 'float' | 'bool';

/** The outcome of casting one string. */
export type CastResult = { ok: true; value: number | boolean; warning?: string } | { ok: false; message: string };

const SERVICE_CASTS: Record<string, CastKind> = {
  'deploy.replicas': 'int',
  'deploy.update_config.parallelism': 'int',
  'deploy.rollback_config.parallelism': 'int',
  'deploy.restart_policy.max_attempts': 'int',
  'deploy.placement.max_replicas_per_node': 'int',
  'healthcheck.retries': 'int',
  'ports.*.target': 'int',
  scale: 'int',
  'ulimits.*': 'int',
  'ulimits.*.soft': 'int',
  'ulimits.*.hard': 'int',
  cpu_count: 'int64',
  cpu_period: 'int64',
  cpu_quota: 'int64',
  cpu_rt_period: 'int64',
  cpu_rt_runtime: 'int64',
  cpu_shares: 'int64',
  oom_score_adj: 'int64',
  pids_limit: 'int64',
  cpu_percent: 'float',
  'deploy.update_config.max_failure_ratio': 'float',
  'deploy.rollback_config.max_failure_ratio': 'float',
  cpus: 'float',
  init: 'bool',
  privileged: 'bool',
  read_only: 'bool',
  stdin_open: 'bool',
  tty: 'bool',
  oom_kill_disable: 'bool',
  'healthcheck.disable': 'bool',
  'depends_on.*.required': 'bool',
  'depends_on.*.restart': 'bool',
  'volumes.*.read_only': 'bool',
  'volumes.*.volume.nocopy': 'bool',
};

const RESOURCE_CASTS: Record<string, CastKind> = {
  'networks.*.external': 'bool',
  'networks.*.internal': 'bool',
  'networks.*.attachable': 'bool',
  'networks.*.enable_ipv4': 'bool',
  'networks.*.enable_ipv6': 'bool',
  'volumes.*.external': 'bool',
  'secrets.*.external': 'bool',
  'configs.*.external': 'bool',
};

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  kind?: CastKind;
}

/**
 * One node of the cast paths as a deterministic trie: a step down the model is one map lookup (or none, for a list
 * item or a node without literal children), and a cursor is one node, not a list of candidates. The walkers carry
 * it on every node of the document, so a step must allocate nothing.
 */
interface CastNode {
  /** Children reached by a literal key; absent when every key goes to {@link CastNode.any}. */
  readonly literal: ReadonlyMap<string, CastNode> | undefined;
  /** The child for any other key or index. */
  readonly any: CastNode | undefined;
  readonly kind: CastKind | undefined;
}

/**
 * Where a walker is among the cast paths: a trie node, or undefined once no cast can apply below. A walker carries
 * one down the tree, so no path is matched from the root again.
 */
export type CastCursor = CastNode | undefined;

/** The cursor at the document root. */
export const CAST_ROOT: CastCursor = determinize([
  buildTrie([...Object.entries(SERVICE_CASTS).map(([p, k]) => [`services.*.${p}`, k] as const), ...Object.entries(RESOURCE_CASTS)]),
]);

function buildTrie(entries: readonly (readonly [string, CastKind])[]): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const [pattern, kind] of entries) {
    let node = root;
    for (const segment of pattern.split('.')) {
      let next = node.children.get(segment);
      if (!next) node.children.set(segment, (next = { children: new Map() }));
      node = next;
    }
    node.kind = kind;
  }
  return root;
}

/**
 * The deterministic node standing for trie nodes that all match the same path, in priority order. A key reaches
 * each node's literal child, then its `*` child, so a literal match keeps winning over a `*` one, as Compose picks.
 * Runs once, at module load, on a few dozen patterns.
 */
function determinize(nodes: readonly TrieNode[]): CastNode | undefined {
  if (nodes.length === 0) return undefined;
  const literals = new Set<string>();
  for (const node of nodes) for (const key of node.children.keys()) if (key !== '*') literals.add(key);
  const wild = (node: TrieNode) => node.children.get('*');
  const literal = new Map<string, CastNode>();
  for (const key of literals) {
    const next = nodes.flatMap((node) => [node.children.get(key), wild(node)].filter((n): n is TrieNode => n !== undefined));
    literal.set(key, determinize(next)!);
  }
  return {
    literal: literal.size === 0 ? undefined : literal,
    any: determinize(nodes.map(wild).filter((n): n is TrieNode => n !== undefined)),
    kind: nodes.find((node) => node.kind !== undefined)?.kind,
  };
}

/** The cursor one key or index further down. */
export function castStep(cursor: CastCursor, key: string | number): CastCursor {
  if (cursor === undefined) return undefined;
  const literal = cursor.literal;
  if (literal === undefined) return cursor.any;
  return literal.get(typeof key === 'string' ? key : String(key)) ?? cursor.any;
}

/** The cast that applies where the cursor points, if any. */
export function castKind(cursor: CastCursor): CastKind | undefined {
  return cursor?.kind;
}

/** The cast at a path of the model (segments as written; any key or index matches `*`), if any. */
export function castAt(path: readonly (string | number)[]): CastKind | undefined {
  let cursor = CAST_ROOT;
  for (const key of path) cursor = castStep(cursor, key);
  return castKind(cursor);
}

const INTEGER = /^[+-]?\d+$/;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const FLOAT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

/** Casts one string as Compose does, or explains why it cannot. */
export function castString(value: string, kind: CastKind): CastResult {
  switch (kind) {
    case 'int':
    case 'int64': {
      if (!INTEGER.test(value)) return { ok: false, message: `"${value}" is not an integer` };
      // Go's int and int64 are both 64-bit on the platforms Compose runs on.
      // BigInt, because a double cannot tell 2^63-1 (allowed) from 2^63 (not).
      const big = BigInt(value);
      if (big > INT64_MAX || big < INT64_MIN) return { ok: false, message: `"${value}" is out of the 64-bit integer range` };
      // Compose would take it, but no count, port or size that large means anything, and a double would round it.
      if (big > MAX_EXACT || big < -MAX_EXACT) return { ok: false, message: `"${value}" is too large (beyond 2^53, where numbers stop being exact)` };
      return { ok: true, value: Number(big) };
    }
    case 'float': {
      if (!FLOAT.test(value)) return { ok: false, message: `"${value}" is not a number` };
      return { ok: true, value: Number(value.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity').replace(/^nan$/i, 'NaN')) };
    }
    case 'bool':
      return castBoolean(value);
  }
}

function castBoolean(value: string): CastResult {
  const lower = value.toLowerCase();
  if (lower === 'true') return { ok: true, value: true };
  if (lower === 'false') return { ok: true, value: false };
  if (lower === 'y' || lower === 'yes' || lower === 'on') {
    return { ok: true, value: true, warning: `"${value}" for a boolean is YAML 1.1 only; write true` };
  }
  if (lower === 'n' || lower === 'no' || lower === 'off') {
    return { ok: true, value: false, warning: `"${value}" for a boolean is YAML 1.1 only; write false` };
  }
  return { ok: false, message: `"${value}" is not a boolean (use true or false)` };
}
