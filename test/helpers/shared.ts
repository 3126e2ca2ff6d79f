/**
 * Locating `../shared` (reference material beside the checkout). Tests that need it skip, with a printed reason,
 * where it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared` beside the repository. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');

/** True when `../shared` is present. */
export const HAVE_SHARED = existsSync(path.join(SHARED_DIR, 'compose-reference'));

/** Prints why a shared-data test is skipped, once per file. */
export function warnIfNoShared(what: string): void {
  if (!HAVE_SHARED) console.warn(`skipping ${what}: ${SHARED_DIR} is absent`);
}

/** A path inside `../shared`. */
export function sharedPath(...segments: string[]): string {
  return path.join(SHARED_DIR, ...segments);
}
