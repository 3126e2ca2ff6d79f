/**
 * `check()`: rendered files compared with an output directory, without writing anything. Drift is a file whose
 * content differs, a file missing from the directory, or a stale file a previous run generated that this run
 * would remove. A user's own files are not drift.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { readManifest } from './output-directory.js';
import type { RenderedFiles } from './files.js';
import { compareStrings } from '../util/strings.js';

/** One changed file and its unified diff (from what is on disk to what would be written). */
export interface ChangedFile {
  path: string;
  diff: string;
}

/** The outcome of a check. */
export interface CheckResult {
  /** True when the directory already holds exactly what would be written. */
  upToDate: boolean;
  changed: ChangedFile[];
  missing: string[];
  stale: string[];
}

/**
 * Compares `files` with what is in `dir`. Diff headers name each file under `shownDir` (by default none), so a
 * caller can show paths as the user wrote the directory: `--- a/k8s/web-deployment.yaml`.
 */
export function check(dir: string, files: RenderedFiles, shownDir = ''): CheckResult {
  const changed: ChangedFile[] = [];
  const missing: string[] = [];
  for (const [relative, content] of [...files].sort(([a], [b]) => compareStrings(a, b))) {
    const current = readText(path.join(dir, relative));
    const wanted = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    if (current === undefined) missing.push(relative);
    else if (normalizeEol(current) !== normalizeEol(wanted)) {
      const shown = shownDir === '' ? relative : path.posix.join(shownDir.split(path.sep).join('/'), relative);
      changed.push({ path: relative, diff: createTwoFilesPatch(`a/${shown}`, `b/${shown}`, current, wanted) });
    }
  }
  const stale = readManifest(dir)
    .filter((p) => !files.has(p) && readText(path.join(dir, p)) !== undefined)
    .sort();
  return { upToDate: changed.length === 0 && missing.length === 0 && stale.length === 0, changed, missing, stale };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function normalizeEol(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** Compares one output file (`-o manifests.yaml`) with `content`: up to date, changed (with a diff), or missing. */
export function checkFile(file: string, content: string, shown: string): CheckResult {
  const current = readText(file);
  if (current === undefined) return { upToDate: false, changed: [], missing: [shown], stale: [] };
  if (normalizeEol(current) === normalizeEol(content)) return { upToDate: true, changed: [], missing: [], stale: [] };
  const name = shown.split(path.sep).join('/');
  return { upToDate: false, changed: [{ path: shown, diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, current, content) }], missing: [], stale: [] };
}
