/**
 * Diagnostics are values: every stage returns them instead of throwing, and only the CLI turns them into exit
 * codes. A diagnostic always says what is wrong and, when it concerns user input, where.
 */
import { compareStrings } from '../util/strings.js';

/** How serious a finding is. `error` stops the pipeline's output; `warning` and `info` never do. */
export type Severity = 'error' | 'warning' | 'info';

/** A position in a user's file. `line` and `column` are 1-based, as editors show them. */
export interface SourceLocation {
  /** The file as the user named it (relative to the working directory when it was given relative), or `-` for stdin. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One finding of any stage. */
export interface Diagnostic {
  readonly severity: Severity;
  /** A stable, upper-snake-case identifier such as `YAML_DUPLICATE_KEY`; see `codes.ts`. */
  readonly code: string;
  /** What is wrong, in words a person understands. Never contains a secret value. */
  readonly message: string;
  /** Where in the user's input the finding applies, when it applies to input. */
  readonly location?: SourceLocation;
  /** What to do about it, when there is something better to say than the message. */
  readonly hint?: string;
}

/** Builds an error diagnostic. */
export function error(code: string, message: string, location?: SourceLocation, hint?: string): Diagnostic {
  return make('error', code, message, location, hint);
}

/** Builds a warning diagnostic. */
export function warning(code: string, message: string, location?: SourceLocation, hint?: string): Diagnostic {
  return make('warning', code, message, location, hint);
}

/** Builds an informational diagnostic. */
export function info(code: string, message: string, location?: SourceLocation, hint?: string): Diagnostic {
  return make('info', code, message, location, hint);
}

function make(
  severity: Severity,
  code: string,
  message: string,
  location: SourceLocation | undefined,
  hint: string | undefined,
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { severity, code, message };
  if (location) d.location = location;
  if (hint) d.hint = hint;
  return d;
}

/** True when any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Formats a location as `file:line:col`. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/**
 * Formats a diagnostic as one line, `file:line:col: severity CODE: message`, the form compilers use and editors
 * can jump to. A diagnostic without a location starts with `stackport:`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? formatLocation(d.location) : 'stackport';
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${where}: ${d.severity} ${d.code}: ${d.message}${hint}`;
}

/**
 * Orders diagnostics for output: by file, line and column, then by code, so that the same input always prints the
 * same report. Unlocated diagnostics come first.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const la = a.location;
    const lb = b.location;
    if (!la || !lb) return la ? 1 : lb ? -1 : compareStrings(a.code, b.code);
    return (
      compareStrings(la.file, lb.file) ||
      la.line - lb.line ||
      la.column - lb.column ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message)
    );
  });
}
