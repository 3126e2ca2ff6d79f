/**
 * `stackport secret KEY`: writes the value of the project's secret KEY to stdout, read exactly as Compose reads it
 * (a variable from the shell, `.env` or `--env-file`; or the secret's file), for a pipe such as
 * `stackport secret db_password | docker secret create NAME -`. This is how the Swarm conversion's printed commands
 * create secrets that come from variables: the value is never written to a file, never put on a command line, and
 * never printed on a terminal (the command refuses when stdout is one).
 */
import { error } from '../../diagnostics/diagnostic.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { entryLocation } from '../../diagnostics/locations.js';
import { load } from '../../load/loader.js';
import { ExitCode, type CliIo } from '../io.js';
import { toLoadOptions, type LoadingFlags } from '../loading-options.js';
import { reportDiagnostics, type ReportOptions } from '../report.js';

/** Runs `secret` and returns the exit code. */
export function runSecret(io: CliIo, key: string, flags: LoadingFlags, report: ReportOptions): number {
  const diagnostics: Diagnostic[] = [];
  const finish = (code: number) => {
    reportDiagnostics(io, diagnostics, report);
    return code;
  };
  if (io.stdoutIsTty) {
    diagnostics.push(error('USAGE', 'stackport secret prints a secret value: pipe it into a command (for example docker secret create NAME -) instead of the terminal'));
    return finish(ExitCode.invalid);
  }
  const loaded = load(toLoadOptions(flags, io));
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.project || hasErrors(diagnostics)) return finish(ExitCode.invalid);
  const secrets = loaded.project.secrets;
  const secret = Object.hasOwn(secrets, key) ? secrets[key] : undefined;
  if (secret === undefined) {
    const known = Object.keys(secrets).sort();
    diagnostics.push(error('SECRET_NOT_FOUND', `the project has no secret ${key}${known.length > 0 ? ` (its secrets: ${known.join(', ')})` : ''}`));
    return finish(ExitCode.invalid);
  }
  if (secret.content === undefined) {
    const why = secret.environment !== undefined ? `the variable ${secret.environment} is not set` : 'it has no value stackport can read (external or from a driver)';
    diagnostics.push(error('SECRET_NO_VALUE', `secrets.${key}: ${why}`, entryLocation(secret, secret.environment !== undefined ? 'environment' : 'name')));
    return finish(ExitCode.invalid);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(secret.content.reveal());
  } catch {
    diagnostics.push(error('SECRET_BINARY', `secrets.${key} is not text; create it from its file instead: docker secret create NAME ${secret.file ?? 'FILE'}`, entryLocation(secret, 'file')));
    return finish(ExitCode.invalid);
  }
  io.stdout(text);
  return finish(ExitCode.ok);
}
