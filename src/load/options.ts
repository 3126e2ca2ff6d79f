/**
 * What `load()` accepts: the same knobs as `docker compose`'s loading flags, plus the host to read from.
 */
import type { Host } from './host.js';
import type { ParseLimits } from '../parse/index.js';

/** Options for {@link load}. Every field is optional; defaults match `docker compose`. */
export interface LoadOptions {
  /** Compose files in order (`-f`); later files override earlier ones. `-` reads standard input. */
  files?: string[];
  /** `--project-directory`: the base for relative paths. Default: the directory of the first compose file. */
  projectDirectory?: string;
  /** `-p/--project-name`. Must already be a valid project name. */
  projectName?: string;
  /** `--env-file`, repeatable. Default: `<project dir>/.env` when it exists. */
  envFiles?: string[];
  /** `--profile`, repeatable. Default: `COMPOSE_PROFILES`. */
  profiles?: string[];
  /** Services named on the command line: their profiles are enabled, as `docker compose up svc` does. */
  services?: string[];
  /** The working directory. Default: the host's (the process's) working directory. */
  cwd?: string;
  /** The environment variables. Default: the host's (the process's) environment. */
  env?: Record<string, string | undefined>;
  /** Where files come from. Default: the real filesystem. */
  host?: Host;
  /** Allow reading env files, secrets, configs, includes and extends outside the project directory. */
  allowOutsideProject?: boolean;
  /** Bounds on YAML input. */
  limits?: Partial<ParseLimits>;
  /** Read bind-mounted project files so emitters can turn them into ConfigMaps (`--bind-files configmap`). */
  loadBindFiles?: boolean;
}
