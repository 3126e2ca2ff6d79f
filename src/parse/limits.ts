/**
 * Bounds on YAML input. The defaults are far above any real project (the corpus's largest file is a few KiB; a
 * 5000-service project is about 4.5 MiB and 400,000 nodes) and far below what would exhaust memory: a file at the
 * size limit converts in a few seconds within about 1 GiB.
 */

/** Bounds applied while parsing one compose file. */
export interface ParseLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Most `---` documents in one file. */
  maxDocuments: number;
  /** Deepest nesting of mappings and sequences. */
  maxDepth: number;
  /** Most nodes that aliases may expand to in one file, counted over every alias occurrence. */
  maxAliasExpansion: number;
}

/** The defaults. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxDocuments: 64,
  maxDepth: 256,
  maxAliasExpansion: 1_000_000,
};

/**
 * The alias expansion bound for a file of `byteLength` bytes. An alias bomb is a small file that expands
 * enormously; a real file's aliases expand to a small multiple of its size, so the default bound scales with the
 * size and refuses a bomb after a few thousand nodes instead of a million. A limit given explicitly is taken as is.
 */
export function aliasExpansionBound(byteLength: number, limits: Partial<ParseLimits> = {}): number {
  return limits.maxAliasExpansion ?? Math.min(DEFAULT_PARSE_LIMITS.maxAliasExpansion, Math.max(10_000, 10 * byteLength));
}
