/**
 * Stack file schema versions (docker/cli's config_schema_v3.x) and the version each feature needs, so a feature the
 * chosen version lacks is reported rather than rejected by `docker stack deploy`.
 */

/** A stack file version stackport can target. */
export type SwarmVersion =
  | '3.0' | '3.1' | '3.2' | '3.3' | '3.4' | '3.5' | '3.6' | '3.7' | '3.8' | '3.9' | '3.10' | '3.11' | '3.12' | '3.13';

/** Every supported version, oldest first. */
export const SWARM_VERSIONS: readonly SwarmVersion[] = [
  '3.0', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13',
];

/** The default target: widely deployed engines accept it, and it has every common feature. */
export const DEFAULT_SWARM_VERSION: SwarmVersion = '3.9';

/** The first version that has each feature (from diffing docker/cli's schemas). */
export const FEATURE_SINCE = {
  secrets: '3.1',
  longSyntax: '3.2',
  endpointMode: '3.2',
  attachable: '3.2',
  configs: '3.3',
  credentialSpec: '3.3',
  placementPreferences: '3.3',
  updateOrder: '3.4',
  topLevelExtensions: '3.4',
  startPeriod: '3.4',
  volumeName: '3.4',
  genericResources: '3.5',
  isolation: '3.5',
  resourceName: '3.5',
  tmpfsSize: '3.6',
  rollbackConfig: '3.7',
  extensions: '3.7',
  init: '3.7',
  maxReplicasPerNode: '3.8',
  credentialSpecConfig: '3.8',
  secretDriver: '3.8',
  templateDriver: '3.8',
  pidsLimit: '3.9',
  startInterval: '3.12',
  networkDriverOpts: '3.13',
  oomScoreAdj: '3.13',
} as const satisfies Record<string, SwarmVersion>;

/** A feature name. */
export type SwarmFeature = keyof typeof FEATURE_SINCE;

/** True when `version` has `feature`. */
export function supports(version: SwarmVersion, feature: SwarmFeature): boolean {
  return SWARM_VERSIONS.indexOf(version) >= SWARM_VERSIONS.indexOf(FEATURE_SINCE[feature]);
}

/** Parses a user-given version (`3.9`, `3`), or returns undefined. */
export function parseSwarmVersion(text: string): SwarmVersion | undefined {
  const normalized = text === '3' ? '3.0' : text;
  return (SWARM_VERSIONS as readonly string[]).includes(normalized) ? (normalized as SwarmVersion) : undefined;
}
