/**
 * The CLI's view of its surroundings, injectable so the CLI can be run and tested in-process.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

/** Streams and environment the CLI writes to and reads from. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (colour is used only then). */
  readonly stderrIsTty: boolean;
  /** Whether stdout is a terminal (`stackport secret` refuses to print a value there). Absent: it is not. */
  readonly stdoutIsTty?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: (t) => writeOut(1, t),
    stderr: (t) => writeOut(2, t),
    // Asked only when there is something to print.
    get stderrIsTty() {
      return isTerminal(2);
    },
    get stdoutIsTty() {
      return isTerminal(1);
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Whether the descriptor is a terminal. Node's own answers (process.stderr.isTTY, tty.isatty) load its tty, net and
 * stream modules, about 13 million instructions, a few per cent of a short run; a file, a pipe or /dev/null is
 * told apart by a stat instead, and only another character device is asked about properly.
 */
export function isTerminal(fd: number): boolean {
  let device: ReturnType<typeof fstatSync>;
  try {
    device = fstatSync(fd);
  } catch {
    return false;
  }
  if (!device.isCharacterDevice()) return false;
  try {
    const devNull = statSync('/dev/null');
    if (device.rdev === devNull.rdev && device.dev === devNull.dev) return false;
  } catch {
    // No /dev/null (Windows): ask the tty module.
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/**
 * Descriptors whose writes go through Node's stream instead of straight to the descriptor, after a write found it
 * non-blocking and full; from then on the stream keeps the order of what follows.
 */
const streamed = new Set<1 | 2>();
/** Descriptors whose reader has gone (`stackport ... | head`): the rest of the output has nowhere to go. */
const closed = new Set<1 | 2>();

/**
 * Writes text straight to the descriptor. Node's process.stdout and process.stderr are synchronous on Linux for
 * files, pipes and terminals alike, but creating them loads the stream and net modules, a noticeable part of a
 * short run such as a pre-commit hook's. A non-blocking descriptor that is full hands the rest to the stream.
 */
function writeOut(fd: 1 | 2, text: string): void {
  if (closed.has(fd)) return;
  if (streamed.has(fd)) {
    stdStream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed.add(fd);
        return;
      }
      if (code !== 'EAGAIN') throw e;
      streamed.add(fd);
      stdStream(fd).write(bytes.subarray(offset));
      return;
    }
  }
}

/** process.stdout or process.stderr, created (with the modules behind them) only when first asked for. */
function stdStream(fd: 1 | 2): NodeJS.WriteStream {
  return fd === 1 ? process.stdout : process.stderr;
}

/** True while output handed to Node's streams is still waiting to be written; the process must not exit before. */
export function outputPending(): boolean {
  for (const fd of streamed) if (stdStream(fd).writableLength > 0) return true;
  return false;
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
