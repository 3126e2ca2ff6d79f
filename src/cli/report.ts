/**
 * Printing diagnostics: one line each, `file:line:col: severity CODE: message`, coloured only on a terminal and
 * never when `NO_COLOR` is set; or one JSON document for machines (`--report json`).
 */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CliIo } from './io.js';

/** How diagnostics are reported. */
export interface ReportOptions {
  format: 'text' | 'json';
  quiet: boolean;
}

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' } as const;
const RESET = '\u001b[0m';

/**
 * Writes diagnostics, then stackport's own messages (the command that fixes drift, commands to run first), to
 * stderr: as lines, or as one JSON document `{ diagnostics, messages }` that a machine can parse whole. Under
 * `quiet`, only errors are printed; messages always are.
 */
export function reportDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], options: ReportOptions, messages: readonly string[] = []): void {
  const shown = sortDiagnostics(diagnostics).filter((d) => !options.quiet || d.severity === 'error');
  if (options.format === 'json') {
    io.stderr(`${JSON.stringify(messages.length > 0 ? { diagnostics: shown, messages } : { diagnostics: shown }, null, 2)}\n`);
    return;
  }
  const color = shown.length > 0 && useColor(io);
  // One write for the whole report: a large project's thousands of lines would otherwise be as many system calls.
  const lines: string[] = [];
  for (let i = 0; i < shown.length; i++) {
    const d = shown[i]!;
    const line = formatDiagnostic(d);
    lines.push(color ? `${COLORS[d.severity]}${line}${RESET}\n` : `${line}\n`);
  }
  for (let i = 0; i < messages.length; i++) lines.push(`stackport: ${messages[i]!}\n`);
  if (lines.length > 0) io.stderr(lines.join(''));
}

function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stderrIsTty;
}
