/**
 * The CLI's view of its surroundings, injectable so the CLI can be run and tested in-process.
 */

/** Streams and environment the CLI writes to and reads from. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (colour is used only then). */
  readonly stderrIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stderrIsTty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** Drift found by --check, or findings under --strict. */
  findings: 1,
  /** Invalid input or usage. */
  invalid: 2,
  /** A bug in stackport. */
  internal: 70,
} as const;
