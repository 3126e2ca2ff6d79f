/** What the Swarm emitter's steps share: options, the project, and diagnostics placed at the user's keys. */
import { error, info, warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { entryLocation } from '../../diagnostics/locations.js';
import type { Extensions, Project } from '../../ir/types.js';
import type { SwarmExtensions } from './stack-types.js';
import { FEATURE_SINCE, supports, type SwarmFeature, type SwarmVersion } from './versions.js';

/** Options for the Swarm emitter. */
export interface SwarmOptions {
  /** The stack file version to target (default 3.9). */
  version?: SwarmVersion;
  /** A registry prefix for services that only have `build:` (image `<prefix>/<project>-<service>`). */
  imagePrefix?: string;
  /** Keep `env_file` references instead of inlining their variables. */
  keepEnvFiles?: boolean;
  /** The stack file is written to a directory, so configs without a file can be written beside it. */
  toDirectory?: boolean;
  /**
   * Where the project directory is, relative to the directory the stack file is deployed from (default `.`):
   * `docker stack deploy` resolves relative paths against the stack file's directory.
   */
  projectDirFromStack?: string;
  /**
   * The loading flags (`-f`, `--env-file`, ...) the printed `stackport secret` commands repeat, so that they load
   * the same project from the same directory as the conversion did. Default: none.
   */
  loadingArgs?: string[];
}

/** The emitter's running state. */
export class SwarmContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly files: Record<string, string> = {};
  readonly commands: string[] = [];
  /** The key of the top-level network that stands for the node's own network, once a service asked for it. */
  hostNetwork: string | undefined;
  constructor(
    readonly project: Project,
    readonly version: SwarmVersion,
    readonly options: SwarmOptions,
  ) {}

  /** Reports at the key `key` of an IR object (a service, a network, ...). */
  report(severity: 'error' | 'warning' | 'info', code: string, message: string, at: object, key: string, hint?: string): void {
    const make = severity === 'error' ? error : severity === 'warning' ? warning : info;
    this.diagnostics.push(make(code, message, entryLocation(at, key) ?? entryLocation(at, 'name'), hint));
  }

  /** True when the target version has the feature; otherwise reports what is lost and returns false. */
  needs(feature: SwarmFeature, what: string, at: object, key: string): boolean {
    if (supports(this.version, feature)) return true;
    this.report('warning', 'SWARM_VERSION_TOO_OLD', `${what} needs stack file version ${featureVersion(feature)} or later; it is left out of version ${this.version}`, at, key, `use --swarm-version ${featureVersion(feature)} or later`);
    return false;
  }

  /**
   * The `x-` fields to carry into an entry: all of them where the target version allows extensions there, none
   * (reported) where it does not.
   */
  extensions(fields: Extensions, what: string, at: object, where: 'topLevelExtensions' | 'extensions'): SwarmExtensions {
    const names = Object.keys(fields);
    if (names.length === 0) return {};
    // The normalizer keeps only `x-` keys in `extensions` (extensionsOf), which is what the cast states.
    return this.needs(where, `${what}: extension fields (${names.join(', ')})`, at, 'extensions') ? (fields as SwarmExtensions) : {};
  }

  /**
   * Reports the `x-` fields of a place where no stack file version allows them (inside `deploy`, say), since they
   * are left out there. `key` is the field of `at` the report points to.
   */
  dropExtensions(fields: Extensions, what: string, at: object, key: string): void {
    const names = Object.keys(fields);
    if (names.length === 0) return;
    this.report('warning', 'SWARM_UNSUPPORTED', `${what}: extension fields ${names.join(', ')} are not allowed there by any stack file version and are left out`, at, key);
  }

  /**
   * The key under which the stack file declares Swarm's predefined `host` network (external, named `host`):
   * `host` unless the project uses that key for a network of its own.
   */
  hostNetworkKey(): string {
    if (this.hostNetwork === undefined) {
      const own = this.project.networks.host;
      this.hostNetwork = own === undefined || (own.external && own.name === 'host') ? 'host' : 'host_network';
    }
    return this.hostNetwork;
  }

  /** A project-relative path as the stack file must write it. */
  path(p: string): string {
    if (!p.startsWith('./') && !p.startsWith('../') && p !== '.') return p;
    const base = this.options.projectDirFromStack ?? '.';
    if (base === '.' || base === '') return p;
    const joined = `${base.replace(/\/$/, '')}/${p.replace(/^\.\//, '')}`;
    return joined.startsWith('.') || joined.startsWith('/') ? joined : `./${joined}`;
  }
}

function featureVersion(feature: SwarmFeature): string {
  return FEATURE_SINCE[feature];
}
