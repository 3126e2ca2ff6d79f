/**
 * One IR service as a Swarm stack service: the assembler. Every key of the service is routed (unmapped.ts holds
 * the table): kept as it is, translated by its key family's file (ports.ts, volumes.ts, networks.ts, deploy.ts,
 * ...), or dropped with a diagnostic that says why and what to do.
 */
import { error } from '../../diagnostics/diagnostic.js';
import { keyLocation } from '../../diagnostics/locations.js';
import type { Service } from '../../ir/types.js';
import { formatDuration } from '../../ir/values/duration.js';
import { reportNameAliases } from './aliases.js';
import type { SwarmContext } from './context.js';
import { deploy } from './deploy.js';
import { environmentFields } from './environment.js';
import { fileRefs } from './file-refs.js';
import { healthcheck } from './healthcheck.js';
import { hostSettings } from './host-settings.js';
import { longestStackName, serviceNameProblem } from './names.js';
import { serviceNetworks } from './networks.js';
import { servicePorts } from './ports.js';
import { processFields } from './process.js';
import type { SwarmService } from './stack-types.js';
import { isEmptyListOrMapping } from '../../util/objects.js';
import { KEPT, reportDropped, type KeptKey } from './unmapped.js';
import { serviceVolumes } from './volumes.js';

/** Converts one service. The steps run in a fixed order, so its diagnostics come out in the same order every time. */
export function convertService(c: SwarmContext, s: Service): SwarmService {
  checkName(c, s);
  const out: SwarmService = {};
  const image = imageFor(c, s);
  if (image !== undefined) out.image = image;
  for (const key of KEPT) keep(out, s, key);
  Object.assign(out, processFields(c, s));
  if (s.stop_grace_period !== undefined) out.stop_grace_period = formatDuration(s.stop_grace_period);
  if (s.init !== undefined && c.needs('init', `services.${s.name}.init`, s, 'init')) out.init = s.init;
  if (s.isolation !== undefined && c.needs('isolation', `services.${s.name}.isolation`, s, 'isolation')) out.isolation = s.isolation;
  if (s.oom_score_adj !== undefined && c.needs('oomScoreAdj', `services.${s.name}.oom_score_adj`, s, 'oom_score_adj')) out.oom_score_adj = s.oom_score_adj;
  Object.assign(out, hostSettings(c, s), environmentFields(c, s));
  const ports = servicePorts(c, s);
  if (ports.length > 0) out.ports = ports;
  const volumes = serviceVolumes(c, s);
  if (volumes.length > 0) out.volumes = volumes;
  if (s.secrets.length > 0 && c.needs('secrets', `services.${s.name}.secrets`, s, 'secrets')) out.secrets = fileRefs(s.secrets, true);
  if (s.configs.length > 0 && c.needs('configs', `services.${s.name}.configs`, s, 'configs')) out.configs = fileRefs(s.configs, false);
  reportNameAliases(c, s);
  const networks = serviceNetworks(c, s);
  if (networks !== undefined) out.networks = networks;
  if (s.healthcheck !== undefined) out.healthcheck = healthcheck(c, s, s.healthcheck);
  out.deploy = deploy(c, s);
  Object.assign(out, c.extensions(s.extensions, `services.${s.name}`, s, 'extensions'));
  reportDropped(c, s);
  return out;
}

/**
 * Reports a service name Swarm rejects under any stack name (an error), or one too long for a stack named after
 * the project (a warning: the stack name is chosen at deploy time).
 */
function checkName(c: SwarmContext, s: Service): void {
  const badName = serviceNameProblem(s.name);
  if (badName !== undefined) {
    // At the service's key, where the name is written.
    c.diagnostics.push(error('SWARM_SERVICE_NAME', `services.${s.name}: ${badName}`, keyLocation(s, 'name'), 'rename the service'));
  } else if (c.project.name.length > longestStackName(s.name)) {
    c.report('warning', 'SWARM_STACK_NAME', `services.${s.name}: Swarm names the service <stack>_${s.name}, at most 63 characters, so the stack cannot be deployed under the project name ${c.project.name}`, s, 'name', `deploy with a stack name of at most ${longestStackName(s.name)} characters`);
  }
}

/** The image to run: the service's own, or, for a build-only service, the name docker compose builds it under. */
function imageFor(c: SwarmContext, s: Service): string | undefined {
  if (s.image !== undefined) return s.image;
  if (s.build === undefined) {
    c.report('error', 'SWARM_NO_IMAGE', `services.${s.name} has no image`, s, 'name', 'set image:');
    return undefined;
  }
  if (c.options.imagePrefix) return `${c.options.imagePrefix.replace(/\/$/, '')}/${c.project.name}-${s.name}`;
  // The name docker compose gives the image it builds, as the Kubernetes target does.
  const image = `${c.project.name}-${s.name}`;
  c.report('warning', 'SWARM_BUILD_ONLY', `services.${s.name} has no image; using ${image}, the name docker compose builds it under`, s, 'build', `build ${image} and push it to a registry every node can pull from; then set image:, or pass --image-prefix REGISTRY`);
  return image;
}

/** Copies a kept key, unless it is unset or an empty list or mapping (which says nothing). */
function keep(out: SwarmService, s: Service, key: KeptKey): void {
  const value = s[key];
  if (value === undefined || isEmptyListOrMapping(value)) return;
  // KEPT's type proves each key's IR value fits the stack file's field; indexing by a union key hides that.
  (out as Partial<Record<KeptKey, unknown>>)[key] = value;
}
