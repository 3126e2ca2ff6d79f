/**
 * The `stackport` command line: a thin shell over the library. It parses flags, calls library functions, prints
 * what they return, and is the only place that chooses exit codes. Command implementations are imported only
 * when their command runs, so `stackport config` never loads the emitters.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';
import { addLoadingFlags, type LoadingFlags } from './loading-options.js';
import { ExitCode, processIo, type CliIo } from './io.js';
import type { ReportOptions } from './report.js';
import type { ConvertFlags } from './commands/convert.js';

export { outputPending } from './io.js';

/** Flags every command accepts. */
export interface GlobalFlags {
  report?: 'text' | 'json';
  quiet?: boolean;
  debug?: boolean;
}

/** Runs the CLI with `argv` (without `node` and the script path) and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, argv, (code) => {
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

function buildProgram(io: CliIo, argv: readonly string[], setExit: (code: number) => void): Command {
  const program = new Command('stackport')
    .description('Convert Docker Compose projects into Kubernetes manifests and Docker Swarm stack files.')
    .addOption(new Option('--report <FORMAT>', 'diagnostics format').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'print errors only, no warnings or notes')
    .option('--debug', 'show stack traces for internal errors')
    .version(VERSION, '-V, --version', 'print the version')
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

  const convertCommand = addLoadingFlags(
    program
      .command('convert')
      .description('convert the project to Kubernetes manifests or a Docker Swarm stack file')
      .addOption(new Option('--to <TARGET>', 'what to produce').choices(['kubernetes', 'swarm']).makeOptionMandatory())
      .option('-o, --output <DIR|FILE>', 'write files into DIR instead of printing to stdout; a path ending in .yaml, .yml or .json is one file')
      .addOption(new Option('--layout <LAYOUT>', 'output layout (default: stream on stdout, files with -o)').choices(['stream', 'files', 'kustomize', 'helm']))
      .option('--overlay <ENV=FILE>', 'kustomize: an environment from a Compose override file; repeatable', (v: string, prev: string[] = []) => [...prev, v])
      .addOption(new Option('--format <FORMAT>', 'output format').choices(['yaml', 'json']).default('yaml'))
      .option('--check', 'compare with -o DIR without writing; exit 1 when it is out of date')
      .option('--diff', 'print the differences with -o DIR without writing or failing')
      .option('--strict', 'exit 1 when there are warnings'),
  );
  addTargetFlags(convertCommand).addHelpText(
    'after',
    '\nExamples:\n  stackport convert --to kubernetes\n  stackport convert --to kubernetes -f compose.yaml -o k8s/\n' +
      '  stackport convert --to kubernetes -o k8s/ --check\n  stackport convert --to swarm --swarm-version 3.9 > stack.yaml\n',
  );
  convertCommand.action(async (flags: ConvertFlags) => {
    const { runConvert } = await import('./commands/convert.js');
    setExit(runConvert(io, flags, reportOptions(), { argv }));
  });

  const validateCommand = addLoadingFlags(
    program
      .command('validate')
      .description('load and convert in memory, report problems, write nothing')
      .addOption(new Option('--to <TARGET>', 'target to check against').choices(['kubernetes', 'swarm']).default('kubernetes'))
      .option('--strict', 'exit 1 when there are warnings'),
  );
  addTargetFlags(validateCommand).action(async (flags: ConvertFlags) => {
    const { runConvert } = await import('./commands/convert.js');
    setExit(runConvert(io, { ...flags, format: 'yaml' }, reportOptions(), { argv, writeNothing: true }));
  });

  program
    .command('version')
    .description('print the version (like --version)')
    .action(() => io.stdout(`${VERSION}\n`));

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<SHELL>', 'bash, zsh or fish')
    .addHelpText('after', '\nExamples:\n  source <(stackport completion bash)\n  stackport completion fish | source\n')
    .action(async (shell: string) => {
      const { completionScript, SHELLS } = await import('./completion.js');
      if (!(SHELLS as readonly string[]).includes(shell)) {
        io.stderr(`stackport: error USAGE: no completion for "${shell}"; use ${SHELLS.join(', ')}\n`);
        setExit(ExitCode.invalid);
        return;
      }
      io.stdout(completionScript(program, shell as (typeof SHELLS)[number]));
    });

  addLoadingFlags(
    program
      .command('secret')
      .description('write the value of a project secret to stdout, for a pipe into docker secret create (never to a terminal)')
      .argument('<KEY>', 'the key of the secret under the top-level secrets:')
      .addHelpText('after', '\nExamples:\n  stackport secret db_password | docker secret create myapp_db_password -\n'),
  ).action(async (key: string, flags: LoadingFlags) => {
    const { runSecret } = await import('./commands/secret.js');
    setExit(runSecret(io, key, flags, reportOptions()));
  });

  return program;
}

/** Kompose's and stackport's spellings of a workload kind, in any case. */
const CONTROLLERS: Record<string, string> = {
  deployment: 'deployment',
  statefulset: 'statefulset',
  daemonset: 'daemonset',
  job: 'job',
  replicationcontroller: 'replicationcontroller',
};

/** Kompose's `--volumes` values, in any case. */
const VOLUME_KINDS: Record<string, string> = {
  persistentvolumeclaim: 'persistentVolumeClaim',
  emptydir: 'emptyDir',
  hostpath: 'hostPath',
  configmap: 'configMap',
};

/**
 * An option whose value is one of `table`'s, in any case. The spellings are listed as the option's choices (for
 * --help and completion) while the parser, not commander's exact match, decides.
 */
function caseless(option: Option, table: Record<string, string>, shown: string[], what: string): Option {
  option.argParser(oneOf(table, what));
  option.argChoices = shown;
  return option;
}

function oneOf(table: Record<string, string>, what: string) {
  return (value: string) => {
    const found = table[value.toLowerCase()];
    if (found === undefined) throw new InvalidArgumentError(`${what} is one of ${Object.values(table).join(', ')}.`);
    return found;
  };
}

function wholeNumber(min: number, max: number) {
  return (value: string) => {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`give a whole number from ${min} to ${max}.`);
    return n;
  };
}

/** Flags that tune one target's output. */
function addTargetFlags(command: Command): Command {
  return command
    .option('-n, --namespace <NS>', 'kubernetes: namespace for every object')
    .option('--create-namespace', 'kubernetes: also emit the Namespace object')
    .addOption(new Option('--publish <TYPE>', 'kubernetes: Service type for published ports').choices(['loadbalancer', 'nodeport', 'none']))
    .addOption(new Option('--network-policies <MODE>', 'kubernetes: NetworkPolicies from Compose networks').choices(['ingress', 'none']))
    .addOption(new Option('--secrets <MODE>', 'kubernetes: reference Secrets by name, or inline their data').choices(['reference', 'inline']))
    .addOption(new Option('--bind-files <MODE>', 'kubernetes: bind-mounted project files as hostPath or ConfigMaps').choices(['hostpath', 'configmap']))
    .addOption(new Option('--depends-on <MODE>', 'kubernetes: report depends_on, or wait with init containers').choices(['report', 'wait']))
    .option('--wait-image <IMAGE>', 'kubernetes: image of the wait init containers')
    .addOption(
      caseless(
        new Option('--controller <KIND>', 'kubernetes: workload kind for every service (any case; replicationController makes Deployments)'),
        CONTROLLERS,
        ['deployment', 'statefulset', 'daemonSet', 'job', 'replicationController'],
        'the controller',
      ),
    )
    .addOption(new Option('--replicas <N>', 'kubernetes: replicas of every Deployment and StatefulSet, over deploy.replicas').argParser(wholeNumber(0, 2_147_483_647)))
    .option('--pvc-request-size <SIZE>', 'kubernetes: size of a claim nothing else sizes (default 1Gi)')
    .addOption(
      caseless(
        new Option('--volumes <KIND>', 'kubernetes: how volumes are made, as Kompose spells it (default persistentVolumeClaim)'),
        VOLUME_KINDS,
        Object.values(VOLUME_KINDS),
        'the volume kind',
      ),
    )
    .addOption(new Option('--indent <N>', 'YAML indentation, 2 to 8 spaces (default 2)').argParser(wholeNumber(2, 8)))
    .addOption(new Option('--swarm-version <V>', 'swarm: stack file schema version (3.0 to 3.13, default 3.9)'))
    .option('--image-prefix <PREFIX>', 'swarm: image name prefix for build-only services')
    .option('--keep-env-files', 'swarm: keep env_file references instead of inlining them');
}
