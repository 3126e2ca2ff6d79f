/**
 * stackport's version, as package.json gives it (a test holds the two equal). A constant rather than a read of
 * package.json at start-up: the CLI runs from a bundle, and `--version` should cost nothing.
 */
export const VERSION = '0.1.0';
