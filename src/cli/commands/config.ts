/**
 * `stackport config`: load the project and print its canonical Compose model.
 */
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { emitCompose } from '../../emit/compose/index.js';
import { load } from '../../load/loader.js';
import { toJson, toYaml } from '../../render/yaml.js';
import { ExitCode, type CliIo } from '../io.js';
import { toLoadOptions, type LoadingFlags } from '../loading-options.js';
import { reportDiagnostics, type ReportOptions } from '../report.js';

/** Runs `config` and returns the exit code. */
export function runConfig(
  io: CliIo,
  flags: LoadingFlags & { format: 'yaml' | 'json' },
  services: string[],
  report: ReportOptions,
): number {
  const result = load(toLoadOptions(flags, io, services));
  reportDiagnostics(io, result.diagnostics, report);
  if (!result.project || hasErrors(result.diagnostics)) return ExitCode.invalid;
  const model = emitCompose(result.project);
  io.stdout(flags.format === 'json' ? toJson(model) : toYaml(model));
  return ExitCode.ok;
}
