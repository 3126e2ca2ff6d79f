/**
 * `normalizeProject()`: the merged, validated Compose model to the IR (compose-semantics §11-§16). Services are
 * split into enabled and disabled by profiles; the implicit `default` network exists only when a service uses it.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { copyEntryLocation, copyLocations } from '../../diagnostics/locations.js';
import { isPlainObject, setOwn } from '../../util/objects.js';
import type { Network, Project, Service } from '../types.js';
import { extensionsOf, mapping, Normalizer, type NormalizeContext } from './context.js';
import { selectServices } from './profiles.js';
import { normalizeConfig, normalizeModel, normalizeNetwork, normalizeSecret, normalizeSection, normalizeVolume } from './resources.js';
import { normalizeService } from './service.js';

export type { NormalizeContext } from './context.js';

/** Normalizes a merged model. Problems come back as diagnostics; the project is always returned. */
export function normalizeProject(model: unknown, context: NormalizeContext): { project: Project; diagnostics: Diagnostic[] } {
  const n = new Normalizer(context);
  const raw = mapping(model);
  const all: Record<string, Service> = {};
  const rawServices = mapping(raw.services);
  for (const name of Object.keys(rawServices)) {
    const service = normalizeService(n, name, mapping(rawServices[name]));
    copyLocations(mapping(rawServices[name]), service);
    copyEntryLocation(rawServices, name, service, 'name');
    setOwn(all, name, service);
  }
  const { enabled, disabled, profiles } = selectServices(all, context.activeProfiles, context.enabledServices ?? []);
  const networks = normalizeSection(n, raw.networks, normalizeNetwork);
  addDefaultNetwork(networks, enabled, context.projectName);
  const project: Project = {
    name: context.projectName,
    projectDir: context.projectDir,
    composeFiles: context.composeFiles,
    services: enabled,
    disabled_services: disabled,
    networks,
    volumes: normalizeSection(n, raw.volumes, normalizeVolume),
    secrets: normalizeSection(n, raw.secrets, normalizeSecret),
    configs: normalizeSection(n, raw.configs, normalizeConfig),
    models: normalizeSection(n, raw.models, normalizeModel),
    profiles,
    extensions: extensionsOf(raw),
  };
  for (const section of ['networks', 'volumes', 'secrets', 'configs', 'models'] as const) {
    const rawSection = raw[section];
    if (!isPlainObject(rawSection)) continue;
    for (const key of Object.keys(rawSection)) {
      const target = project[section][key];
      if (target && isPlainObject(rawSection[key])) copyLocations(rawSection[key] as object, target);
      if (target) copyEntryLocation(rawSection, key, target, 'name');
    }
  }
  copyLocations(raw, project);
  return { project, diagnostics: n.diagnostics };
}

/** Compose adds `networks.default` only when some service is attached to it. */
function addDefaultNetwork(networks: Record<string, Network>, services: Record<string, Service>, projectName: string): void {
  if (Object.prototype.hasOwnProperty.call(networks, 'default')) return;
  for (const name of Object.keys(services)) {
    if (Object.prototype.hasOwnProperty.call(services[name]!.networks, 'default')) {
      setOwn(networks, 'default', { name: `${projectName}_default`, extensions: {} });
      return;
    }
  }
}
