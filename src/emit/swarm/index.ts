/**
 * The Swarm emitter: the IR as a `docker stack deploy` stack file (docker/cli's v3 format), fully resolved so it
 * needs no `.env` at deploy time, plus the files to write beside it and the commands to run first (creating
 * secrets whose values must never be written). Reads only the IR.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Project } from '../../ir/types.js';
import { setOwn } from '../../util/objects.js';
import { sortedNames } from '../../util/strings.js';
import { noServicesWarning } from '../no-services.js';
import { SwarmContext, type SwarmOptions } from './context.js';
import { escapeDollars } from './escape.js';
import { convertService } from './service.js';
import type { SwarmService, SwarmStack } from './stack-types.js';
import { convertConfigs, convertNetworks, convertSecrets, convertVolumes } from './top-level.js';
import { DEFAULT_SWARM_VERSION, type SwarmVersion } from './versions.js';

export type { SwarmOptions } from './context.js';
export type { SwarmVersion } from './versions.js';
export type { SwarmService, SwarmStack } from './stack-types.js';
export { SWARM_VERSIONS, parseSwarmVersion } from './versions.js';

/** What the Swarm emitter returns. */
export interface SwarmResult {
  /** The stack file as a plain object (render it with the YAML renderer). */
  stack: SwarmStack;
  /** Files to write beside the stack file (configs with inline or environment content), by relative path. */
  files: Record<string, string>;
  /** Commands to run before `docker stack deploy` (creating secrets from variables). */
  commands: string[];
  diagnostics: Diagnostic[];
}

/** Converts a project to a Swarm stack file. Pure. */
export function emitSwarm(project: Project, options: SwarmOptions = {}): SwarmResult {
  const version: SwarmVersion = options.version ?? DEFAULT_SWARM_VERSION;
  const c = new SwarmContext(project, version, options);
  const empty = noServicesWarning(project);
  if (empty) c.diagnostics.push(empty);
  const stack: SwarmStack = { version, services: services(c) };
  // Converted after the services, which tell whether the host network must be declared.
  const networks = convertNetworks(c);
  const volumes = convertVolumes(c);
  const secrets = convertSecrets(c);
  const configs = convertConfigs(c);
  if (hasEntries(networks)) stack.networks = networks;
  if (hasEntries(volumes)) stack.volumes = volumes;
  if (hasEntries(secrets)) stack.secrets = secrets;
  if (hasEntries(configs)) stack.configs = configs;
  Object.assign(stack, c.extensions(project.extensions, 'the top level', project, 'topLevelExtensions'));
  if (Object.keys(project.models).length > 0) {
    c.diagnostics.push({ severity: 'warning', code: 'SWARM_UNSUPPORTED', message: 'models are not supported by docker stack deploy and are left out' });
  }
  return { stack: escapeDollars(stack), files: c.files, commands: c.commands, diagnostics: c.diagnostics };
}

/** Every service, keyed by its name. */
function services(c: SwarmContext): Record<string, SwarmService> {
  const out: Record<string, SwarmService> = {};
  for (const name of sortedNames(c.project.services)) setOwn(out, name, convertService(c, c.project.services[name]!));
  return out;
}

function hasEntries(section: object): boolean {
  return Object.keys(section).length > 0;
}
