/**
 * The checks Compose makes on a whole project that a schema cannot express (compose-semantics §17.2): references
 * to undefined networks, volumes, secrets, configs and services; dependency cycles; settings that contradict each
 * other. Each error is placed where the offending entry was written.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { entryLocation } from '../diagnostics/locations.js';
import { sortedNames, type Project, type Service } from '../ir/types.js';

/** Checks a normalized project. */
export function checkProject(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of sortedNames(project.services)) checkService(project, project.services[name]!, out);
  checkResources(project, out);
  checkCycles(project, out);
  checkContainerNames(project, out);
  return out;
}

function at(service: Service, key: string) {
  return entryLocation(service, key) ?? entryLocation(service, 'name');
}

function has(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function checkService(project: Project, s: Service, out: Diagnostic[]): void {
  const svc = `service "${s.name}"`;
  if (s.image === undefined && s.build === undefined && s.provider === undefined) {
    out.push(error('SERVICE_NO_IMAGE', `${svc} has neither an image nor a build context specified`, at(s, 'name'), 'add image: or build:'));
  }
  if (s.build?.dockerfile_inline !== undefined && s.build.dockerfile !== undefined && s.build.dockerfile !== 'Dockerfile') {
    out.push(error('BUILD_CONFLICT', `${svc}: build.dockerfile and build.dockerfile_inline are mutually exclusive`, at(s, 'build')));
  }
  if (s.network_mode !== undefined && Object.keys(s.networks).length > 0) {
    out.push(error('NETWORK_MODE_CONFLICT', `${svc} declares network_mode together with networks`, at(s, 'network_mode')));
  }
  for (const net of Object.keys(s.networks)) {
    if (!has(project.networks, net)) out.push(error('UNDEFINED_NETWORK', `${svc} refers to undefined network ${net}`, at(s, 'networks')));
  }
  for (const v of s.volumes) {
    if (v.type === 'volume' && v.source !== undefined && !has(project.volumes, v.source)) {
      out.push(error('UNDEFINED_VOLUME', `${svc} refers to undefined volume ${v.source}`, at(s, 'volumes'), `declare it under the top-level volumes:`));
    }
  }
  for (const [kind, refs] of [['secret', s.secrets], ['config', s.configs]] as const) {
    const defined = kind === 'secret' ? project.secrets : project.configs;
    for (const ref of refs) {
      if (!has(defined, ref.source)) out.push(error(`UNDEFINED_${kind.toUpperCase()}`, `${svc} refers to undefined ${kind} ${ref.source}`, at(s, `${kind}s`)));
    }
  }
  for (const [dep, spec] of Object.entries(s.depends_on)) {
    if (has(project.services, dep)) continue;
    if (!spec.required) continue;
    const why = has(project.disabled_services, dep) ? ` (it is disabled by its profiles)` : '';
    out.push(error('UNDEFINED_SERVICE', `${svc} depends on undefined service "${dep}"${why}`, at(s, 'depends_on')));
  }
  const mode = s.network_mode;
  if (mode?.startsWith('service:') && !has(project.services, mode.slice(8))) {
    out.push(error('UNDEFINED_SERVICE', `${svc} uses network_mode of undefined service "${mode.slice(8)}"`, at(s, 'network_mode')));
  }
  const replicas = s.deploy?.replicas ?? s.scale;
  if (replicas !== undefined && replicas < 0) out.push(error('REPLICAS_INVALID', `${svc}: replicas must not be negative`, at(s, 'deploy')));
  if (s.container_name !== undefined && replicas !== undefined && replicas > 1) {
    out.push(error('CONTAINER_NAME_SCALE', `${svc} sets container_name, so it cannot have ${replicas} replicas`, at(s, 'container_name')));
  }
  const limits = s.deploy?.resources?.limits;
  if (s.cpus !== undefined && limits?.cpus !== undefined && s.cpus !== limits.cpus) {
    out.push(error('CPUS_CONFLICT', `${svc}: cpus and deploy.resources.limits.cpus differ`, at(s, 'cpus')));
  }
  if (s.mem_limit !== undefined && limits?.memory !== undefined && s.mem_limit !== limits.memory) {
    out.push(error('MEMORY_CONFLICT', `${svc}: mem_limit and deploy.resources.limits.memory differ`, at(s, 'mem_limit')));
  }
  const targets = new Map<string, string>();
  for (const t of s.tmpfs ?? []) targets.set(t.split(':')[0]!, 'tmpfs');
  for (const v of s.volumes) {
    if (targets.has(v.target)) out.push(error('MOUNT_CONFLICT', `${svc}: target ${v.target} is already mounted as ${targets.get(v.target)}`, at(s, 'volumes')));
    targets.set(v.target, 'a volume');
  }
}

function checkResources(project: Project, out: Diagnostic[]): void {
  for (const name of sortedNames(project.secrets)) {
    const s = project.secrets[name]!;
    const sources = [s.file, s.environment].filter((x) => x !== undefined).length;
    if (sources > 1) out.push(error('SECRET_SOURCE_CONFLICT', `secrets.${name}: file and environment are mutually exclusive`, entryLocation(s, 'name')));
    if (sources === 0 && !s.external && s.driver === undefined) {
      out.push(error('SECRET_NO_SOURCE', `secrets.${name}: one of file, environment, external or driver must be set`, entryLocation(s, 'name')));
    }
  }
  for (const name of sortedNames(project.configs)) {
    const c = project.configs[name]!;
    const sources = [c.file, c.environment, c.content !== undefined && c.environment === undefined ? c.content : undefined].filter((x) => x !== undefined).length;
    if (sources > 1) out.push(error('CONFIG_SOURCE_CONFLICT', `configs.${name}: file, environment and content are mutually exclusive`, entryLocation(c, 'name')));
    if (sources === 0 && !c.external) {
      out.push(error('CONFIG_NO_SOURCE', `configs.${name}: one of file, environment, content or external must be set`, entryLocation(c, 'name')));
    }
  }
}

/** depends_on cycles, found with an iterative depth-first search (linear in services and edges). */
function checkCycles(project: Project, out: Diagnostic[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of sortedNames(project.services)) {
    if (state.has(start)) continue;
    const stack: { name: string; deps: string[]; i: number }[] = [];
    const push = (name: string) => {
      state.set(name, 'visiting');
      stack.push({ name, deps: sortedNames(project.services[name]!.depends_on).filter((d) => has(project.services, d)), i: 0 });
    };
    push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.deps.length) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      const next = top.deps[top.i++]!;
      if (state.get(next) === 'visiting') {
        const from = stack.findIndex((f) => f.name === next);
        const cycle = [...stack.slice(from).map((f) => f.name), next].join(' -> ');
        out.push(error('DEPENDENCY_CYCLE', `dependency cycle detected: ${cycle}`, at(project.services[top.name]!, 'depends_on')));
        return;
      }
      if (!state.has(next)) push(next);
    }
  }
}

function checkContainerNames(project: Project, out: Diagnostic[]): void {
  const seen = new Map<string, string>();
  for (const name of sortedNames(project.services)) {
    const s = project.services[name]!;
    if (s.container_name === undefined) continue;
    const other = seen.get(s.container_name);
    if (other) out.push(error('CONTAINER_NAME_DUPLICATE', `services "${other}" and "${name}" both use container_name ${s.container_name}`, at(s, 'container_name')));
    else seen.set(s.container_name, name);
  }
}
