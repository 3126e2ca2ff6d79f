/**
 * V8 tuning for the CLI's one-shot runs on large projects.
 *
 * V8 hands a function to its optimising compiler once the function has run a fixed amount of bytecode (its
 * "interrupt budget"), a default chosen for pages and servers that run for minutes. A conversion runs once, for
 * well under a second on most projects, and on a large one many of its functions reach that budget early and are
 * optimised at a cost the rest of the run never earns back. Measured with `convert --to kubernetes` in interleaved
 * rounds, a budget of 300 000 bytes (V8 11's default is 67 584) set at start made 50 to 2000 services 10-14% faster
 * and left 5, 20 and 5000 services within the noise; as done here, once the file is read: 500 services 9% and 1000
 * services 12% faster, 50 services 2%.
 *
 * Only the CLI does this, since it owns its process; a build script importing the library keeps V8's defaults.
 * Node's v8 module loads its stream modules, a cost a small project would not earn back, so the budget changes only
 * once a compose file large enough to gain from it is read. The flag is set after the bundle's code cache has been
 * accepted (a cache records the flags it was made under).
 */
import type { Host } from '../load/host.js';

/** Files at least this large (about 35 services of a typical project) are worth the tuning. */
const LARGE_INPUT_BYTES = 32 * 1024;
const INTERRUPT_BUDGET = 300_000;

let tuned = false;

/** Sets the larger interrupt budget, once per process. */
function tuneForLongRun(): void {
  if (tuned) return;
  tuned = true;
  process.getBuiltinModule('node:v8').setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/** `host`, tuning V8 for a long run when it reads a large file (or standard input) for the first time. */
export function tuningOnLargeInput(host: Host): Host {
  return {
    ...host,
    readFile(absolutePath) {
      const read = host.readFile(absolutePath);
      if (read.ok && read.bytes.length >= LARGE_INPUT_BYTES) tuneForLongRun();
      return read;
    },
    readStdin() {
      const bytes = host.readStdin();
      if (bytes.length >= LARGE_INPUT_BYTES) tuneForLongRun();
      return bytes;
    },
  };
}
