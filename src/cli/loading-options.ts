/**
 * The loading flags every command shares, with `docker compose`'s spelling.
 */
import { Option, type Command } from 'commander';
import { nodeHost } from '../load/host.js';
import type { LoadOptions } from '../load/options.js';
import type { CliIo } from './io.js';
import { tuningOnLargeInput } from './runtime-tuning.js';

/** Raw values commander collects for the loading flags. */
export interface LoadingFlags {
  file?: string[];
  projectDirectory?: string;
  projectName?: string;
  envFile?: string[];
  profile?: string[];
  allowOutsideProject?: boolean;
  maxAliasExpansion?: string;
  maxFileBytes?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds the loading flags to a command. */
export function addLoadingFlags(command: Command): Command {
  return command
    .option('-f, --file <FILE>', 'compose file; repeat to merge several (later files override earlier); - reads stdin', collect)
    .option('--project-directory <DIR>', 'base directory for relative paths (default: the first file\'s directory)')
    .option('-p, --project-name <NAME>', 'project name (default: name:, COMPOSE_PROJECT_NAME or the directory name)')
    .option('--env-file <FILE>', 'env file for interpolation; repeatable (default: .env in the project directory)', collect)
    .option('--profile <NAME>', 'enable a profile; repeatable (default: COMPOSE_PROFILES)', collect)
    .option('--allow-outside-project', 'allow reading env, secret, config, include and extends files outside the project directory')
    .addOption(new Option('--max-alias-expansion <N>', 'largest number of YAML nodes aliases may expand to (default: 10 per byte of the file, at least 10000, at most 1000000)'))
    .addOption(new Option('--max-file-bytes <N>', 'largest compose file accepted, in bytes (default 16 MiB)'));
}

/** Turns the flags into `load()` options. */
export function toLoadOptions(flags: LoadingFlags, io: CliIo, services: string[] = []): LoadOptions {
  const env = { ...io.env };
  const options: LoadOptions = { cwd: io.cwd, env, services, host: tuningOnLargeInput(nodeHost({ cwd: io.cwd, env })) };
  if (flags.file) options.files = flags.file;
  if (flags.projectDirectory) options.projectDirectory = flags.projectDirectory;
  if (flags.projectName) options.projectName = flags.projectName;
  if (flags.envFile) options.envFiles = flags.envFile;
  if (flags.profile) options.profiles = flags.profile;
  if (flags.allowOutsideProject) options.allowOutsideProject = true;
  const limits: LoadOptions['limits'] = {};
  if (flags.maxAliasExpansion) limits.maxAliasExpansion = Number(flags.maxAliasExpansion);
  if (flags.maxFileBytes) limits.maxFileBytes = Number(flags.maxFileBytes);
  if (Object.keys(limits).length > 0) options.limits = limits;
  return options;
}

/**
 * The loading flags as command-line arguments again, for commands stackport prints that must load the same project
 * (the Swarm target's `stackport secret KEY | docker secret create ...`).
 */
export function loadingArguments(flags: LoadingFlags): string[] {
  const args: string[] = [];
  for (const file of flags.file ?? []) args.push('-f', file);
  if (flags.projectDirectory) args.push('--project-directory', flags.projectDirectory);
  if (flags.projectName) args.push('-p', flags.projectName);
  for (const file of flags.envFile ?? []) args.push('--env-file', file);
  for (const profile of flags.profile ?? []) args.push('--profile', profile);
  if (flags.allowOutsideProject) args.push('--allow-outside-project');
  if (flags.maxAliasExpansion) args.push('--max-alias-expansion', flags.maxAliasExpansion);
  if (flags.maxFileBytes) args.push('--max-file-bytes', flags.maxFileBytes);
  return args;
}
