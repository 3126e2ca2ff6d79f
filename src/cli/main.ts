/**
 * The `stackport` command line: a thin shell over the library. It parses flags, calls library functions, prints
 * what they return, and is the only place that chooses exit codes. Command implementations are imported only
 * when their command runs, so `stackport config` never loads the emitters.
 */
import { Command, CommanderError, Option } from 'commander';
import { addLoadingFlags, type LoadingFlags } from './loading-options.js';
import { ExitCode, processIo, type CliIo } from './io.js';
import type { ReportOptions } from './report.js';

/** Flags every command accepts. */
export interface GlobalFlags {
  report?: 'text' | 'json';
  quiet?: boolean;
  debug?: boolean;
}

/** Runs the CLI with `argv` (without `node` and the script path) and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? ExitCode.ok : ExitCode.invalid;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(
      `stackport: internal error INTERNAL: ${err.message}\n` +
        'This is a bug in stackport, not in your files. Please report it with the command you ran' +
        (argv.includes('--debug') ? '' : ' and the output of the same command with --debug') +
        '.\n',
    );
    if (argv.includes('--debug') && err.stack) io.stderr(`${err.stack}\n`);
    return ExitCode.internal;
  }
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('stackport')
    .description('Convert Docker Compose projects into Kubernetes manifests and Docker Swarm stack files.')
    .addOption(new Option('--report <FORMAT>', 'diagnostics format').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'print errors only, no warnings or notes')
    .option('--debug', 'show stack traces for internal errors')
    .showHelpAfterError('(run stackport --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  const reportOptions = (): ReportOptions => {
    const g = program.opts<GlobalFlags>();
    return { format: g.report ?? 'text', quiet: Boolean(g.quiet) };
  };

  addLoadingFlags(
    program
      .command('config')
      .description('print the loaded, interpolated, merged and normalized Compose project (like docker compose config)')
      .argument('[SERVICE...]', 'services to enable (their profiles are activated)')
      .addOption(new Option('--format <FORMAT>', 'output format').choices(['yaml', 'json']).default('yaml'))
      .addHelpText('after', '\nExamples:\n  stackport config\n  stackport config -f compose.yaml -f compose.prod.yaml --format json\n'),
  ).action(async (services: string[], flags: LoadingFlags & { format: 'yaml' | 'json' }) => {
    const { runConfig } = await import('./commands/config.js');
    setExit(runConfig(io, flags, services, reportOptions()));
  });

  return program;
}
