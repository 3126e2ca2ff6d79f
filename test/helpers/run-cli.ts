/**
 * Runs the CLI in-process with captured streams, as a user would run `stackport ...` in `cwd`.
 */
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `stackport <args>` in `cwd` with `env` (default: an empty environment, so the machine cannot leak in). */
export async function runStackport(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTty: false,
    env,
    cwd,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
