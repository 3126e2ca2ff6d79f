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
