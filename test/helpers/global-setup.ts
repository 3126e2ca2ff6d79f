/**
 * vitest's global setup: extracts the real helm and kubectl once, before any test file runs, so parallel workers
 * find them ready. A failure is printed and the tests that need the tools skip with the reason.
 */
import { ensureRealTools } from './real-tools.js';

/** Called once by vitest before the test files. */
export default async function setup(): Promise<void> {
  const problem = await ensureRealTools();
  if (problem) console.warn(`real helm/kubectl unavailable, their tests will skip: ${problem}`);
}
