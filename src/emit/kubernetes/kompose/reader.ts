/**
 * Reads one label set (a service's `labels`, its `deploy.labels`, or a volume's `labels`) for Kompose's labels:
 * each accessor marks the label as read and reports a bad value at the label, naming it, so a label is applied
 * whole or not at all. `finish()` reports every `kompose.*` label nothing read.
 */
import { warning, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { entryLocation } from '../../../diagnostics/locations.js';
import { parseDuration } from '../../../ir/values/duration.js';
import { isQuantity } from '../quantities.js';
import { isKomposeLabel, KOMPOSE_LABELS } from './catalogue.js';

/** A label set and where to report about it. */
export class LabelReader {
  private readonly read = new Set<string>();

  /**
   * @param labels the label set (with source positions)
   * @param owner what the labels belong to, for messages (`services.web`, `volumes.data`)
   * @param fallback an object and key to point at when a label's own position is unknown
   */
  constructor(
    private readonly diagnostics: Diagnostic[],
    readonly labels: Readonly<Record<string, string>>,
    private readonly owner: string,
    private readonly fallback: { at: object; key: string },
  ) {}

  /** The raw value, marked as read; undefined when absent. */
  raw(name: string): string | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.labels, name)) return undefined;
    this.read.add(name);
    return this.labels[name];
  }

  /** A non-empty string (trimmed). */
  text(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === '') return this.invalid(name, value, 'a non-empty value');
    return trimmed;
  }

  /** An integer within [min, max]. */
  integer(name: string, min: number, max: number): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const n = /^\s*[+]?\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) return this.invalid(name, value, `a whole number from ${min} to ${max}`);
    return n;
  }

  /** A port number. */
  port(name: string): number | undefined {
    return this.integer(name, 1, 65535);
  }

  /** `true`/`false` in any case (also yes/no, 1/0, as Kompose's strconv.ParseBool takes 1/0/t/f). */
  boolean(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const lower = value.trim().toLowerCase();
    if (['true', 't', '1', 'yes', 'on'].includes(lower)) return true;
    if (['false', 'f', '0', 'no', 'off'].includes(lower)) return false;
    return this.invalid(name, value, 'true or false');
  }

  /** One of `choices` (matched without regard to case), as the choice is spelled in the table. */
  choice<T extends string>(name: string, choices: Readonly<Record<string, T>>): T | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const found = choices[value.trim().toLowerCase()];
    if (found === undefined) return this.invalid(name, value, `one of ${[...new Set(Object.values(choices))].join(', ')}`);
    return found;
  }

  /** A Go/Compose duration (`10s`, `1m30s`) in milliseconds. */
  duration(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const parsed = parseDuration(value.trim());
    if (!parsed.ok || parsed.value < 0) return this.invalid(name, value, 'a duration such as 10s or 1m30s');
    return parsed.value;
  }

  /** A Kubernetes quantity (`1Gi`, `500m`). */
  quantity(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!isQuantity(value.trim())) return this.invalid(name, value, 'a Kubernetes quantity such as 1Gi or 500Mi');
    return value.trim();
  }

  /** Reports a bad value; returns undefined so callers can `return this.invalid(...)`. */
  invalid(name: string, value: string, expected: string): undefined {
    this.report(name, 'KOMPOSE_LABEL_INVALID', `${this.owner}.labels: ${name} is "${value}", but it must be ${expected}; the label is not applied`);
    return undefined;
  }

  /** Reports that a read label has no effect here, and why. */
  ignored(name: string, why: string, hint?: string): void {
    this.read.add(name);
    this.report(name, 'KOMPOSE_LABEL_IGNORED', `${this.owner}.labels: ${name} ${why}`, hint);
  }

  /** Reports at the label (or the fallback). */
  report(name: string, code: string, message: string, hint?: string): void {
    const location = entryLocation(this.labels, name) ?? entryLocation(this.fallback.at, this.fallback.key) ?? entryLocation(this.fallback.at, 'name');
    this.diagnostics.push(warning(code, message, location, hint));
  }

  /** Reports every `kompose.*` label that was not read: catalogued ones with their advice, others as unknown. */
  finish(scope: 'service' | 'deploy' | 'volume' | 'other'): void {
    for (const name of Object.keys(this.labels).sort()) {
      if (!isKomposeLabel(name) || this.read.has(name)) continue;
      const known = KOMPOSE_LABELS[name];
      if (known === undefined) {
        this.report(name, 'KOMPOSE_LABEL_UNKNOWN', `${this.owner}.labels: ${name} is not a label Kompose or stackport knows; it is left out`, 'see "Coming from Kompose" in the README for the labels stackport reads');
      } else if (known.handling === 'warned') {
        this.report(name, 'KOMPOSE_LABEL_UNSUPPORTED', `${this.owner}.labels: ${name} is not applied: ${known.effect}`);
      } else if (scope === 'other' || !known.scope.includes(scope)) {
        const where = known.scope.map((s) => (s === 'service' ? 'service labels' : s === 'deploy' ? 'deploy.labels' : "a top-level volume's labels")).join(' or ');
        this.report(name, 'KOMPOSE_LABEL_MISPLACED', `${this.owner}.labels: ${name} is read from ${where}, not here; it is left out`);
      } else {
        // A label this reader's callers did not get to (its companion label was invalid, say): still said out loud.
        this.report(name, 'KOMPOSE_LABEL_IGNORED', `${this.owner}.labels: ${name} has no effect here and is left out`);
      }
    }
  }
}
