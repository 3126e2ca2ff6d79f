/**
 * The public corpus of real compose files in `../shared/corpus/public`, listed from its manifest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HAVE_SHARED, sharedPath } from './shared.js';

/** One compose file of the corpus: its folder (the project directory) and its name inside it. */
export interface CorpusFile {
  folder: string;
  dir: string;
  file: string;
  /** `folder/file`, for listings. */
  id: string;
}

/** Every compose file in the corpus manifest, or an empty list when `../shared` is absent. */
export function corpusComposeFiles(): CorpusFile[] {
  if (!HAVE_SHARED) return [];
  const root = sharedPath('corpus', 'public');
  const lines = readFileSync(path.join(root, 'MANIFEST.files.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines
    .map((line) => line.split('\t'))
    .filter((cols) => cols[3] === 'compose')
    .map(([folder, file]) => ({ folder: folder!, dir: path.join(root, folder!), file: file!, id: `${folder}/${file}` }));
}
