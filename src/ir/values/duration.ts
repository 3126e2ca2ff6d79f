/**
 * Durations as Compose reads them (compose-semantics §13 "durations"): Go duration strings with the extra units
 * `d` and `w` (`1m30s`, `1.5h`, `2d`) or a bare `0`. Any other bare number is an error (`missing unit`), as in
 * Compose. Values are milliseconds, fractional below 1 ms.
 */
import { fail, ok, type Parsed } from './result.js';

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w)/;

/** Parses a duration into milliseconds. */
export function parseDuration(input: string | number): Parsed<number> {
  if (typeof input === 'number') {
    return input === 0 ? ok(0) : fail(`invalid duration ${input}: missing unit (write for example ${input}s)`);
  }
  let text = input.trim();
  if (text === '0') return ok(0);
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1);
  }
  if (text === '') return fail(`invalid duration "${input}"`);
  let total = 0;
  while (text !== '') {
    const m = PART.exec(text);
    if (!m) {
      return /^[\d.]+$/.test(text)
        ? fail(`invalid duration "${input}": missing unit`)
        : fail(`invalid duration "${input}" (use units ns, us, ms, s, m, h, d, w, as in 1m30s)`);
    }
    total += Number(m[1]) * UNITS[m[2]!]!;
    text = text.slice(m[0].length);
  }
  return ok(sign * total);
}

/** Formats milliseconds as Go's `time.Duration.String()` does (`1m30s`, `1h0m0s`, `500ms`, `0s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const negative = ms < 0;
  const nanos = Math.round(Math.abs(ms) * 1e6);
  let out: string;
  if (nanos < 1e9) {
    if (nanos < 1e3) out = `${nanos}ns`;
    else if (nanos < 1e6) out = `${trimFraction(nanos / 1e3)}µs`;
    else out = `${trimFraction(nanos / 1e6)}ms`;
  } else {
    const totalSeconds = nanos / 1e9;
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds - hours * 3600) / 60);
    const seconds = totalSeconds - hours * 3600 - minutes * 60;
    const secondsText = `${trimFraction(Math.round(seconds * 1e9) / 1e9)}s`;
    if (hours > 0) out = `${hours}h${minutes}m${secondsText}`;
    else if (minutes > 0) out = `${minutes}m${secondsText}`;
    else out = secondsText;
  }
  return negative ? `-${out}` : out;
}

function trimFraction(n: number): string {
  return String(Number(n.toFixed(9)));
}
