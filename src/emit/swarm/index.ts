/**
 * The Swarm emitter: the IR as a `docker stack deploy` stack file (docker/cli's v3 format), fully resolved so it
 * needs no `.env` at deploy time, plus the files to write beside it and the commands to run first (creating
 * secrets whose values must never be written). Reads only the IR.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Project } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import { SwarmContext, type SwarmOptions } from './context.js';
import { convertConfigs, convertNetworks, convertSecrets, convertVolumes } from './top-level.js';
import { convertService } from './service.js';
import { escapeDollars } from './escape.js';
import { noServicesWarning } from '../no-services.js';
import { DEFAULT_SWARM_VERSION, type SwarmVersion } from './versions.js';

export type { SwarmOptions } from './context.js';
export type { SwarmVersion } from './versions.js';
export { SWARM_VERSIONS, parseSwarmVersion } from './versions.js';

/** What the Swarm emitter returns. */
export interface SwarmResult {
  /** The stack file as a plain object (render it with the YAML renderer). */
  stack: Record<string, unknown>;
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
  const services: Record<string, unknown> = {};
  for (const name of sortedNames(project.services)) {
    Object.defineProperty(services, name, { value: convertService(c, project.services[name]!), enumerable: true, writable: true, configurable: true });
  }
  const stack: Record<string, unknown> = { version, services };
  const sections = {
    networks: convertNetworks(c),
    volumes: convertVolumes(c),
    secrets: convertSecrets(c),
    configs: convertConfigs(c),
  };
  for (const [key, value] of Object.entries(sections)) if (Object.keys(value).length > 0) stack[key] = value;
  Object.assign(stack, c.extensions(project.extensions, 'the top level', project, 'topLevelExtensions'));
  if (Object.keys(project.models).length > 0) {
    c.diagnostics.push({ severity: 'warning', code: 'SWARM_UNSUPPORTED', message: 'models are not supported by docker stack deploy and are left out' });
  }
  return { stack: escapeDollars(stack) as Record<string, unknown>, files: c.files, commands: c.commands, diagnostics: c.diagnostics };
}
