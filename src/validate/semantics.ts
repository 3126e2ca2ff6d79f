/**
 * The checks Compose makes on a whole project that a schema cannot express (compose-semantics §17.2): references
 * to undefined networks, volumes, secrets, configs and services; dependency cycles; settings that contradict each
 * other. Each error is placed where the offending entry was written.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { entryLocation } from '../diagnostics/locations.js';
import type { Project, Service, ServiceFileRef } from '../ir/types.js';
import { imageReferenceProblem } from '../ir/values/image-reference.js';
import { sortedNames } from '../util/strings.js';

/** Checks a normalized project. */
export function checkProject(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One sorted list of names for every check below.
  const names = sortedNames(project.services);
  for (const name of names) checkService(project, project.services[name]!, out);
  checkResources(project, out);
  checkCycles(project, names, out);
  checkContainerNames(project, names, out);
  return out;
}

function at(service: Service, key: string) {
  return entryLocation(service, key) ?? entryLocation(service, 'name');
}

function has(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** How messages name a service (built only when there is something to report). */
function label(s: Service): string {
  return `service "${s.name}"`;
}

function checkService(project: Project, s: Service, out: Diagnostic[]): void {
  if (s.image === undefined && s.build === undefined && s.provider === undefined) {
    out.push(error('SERVICE_NO_IMAGE', `${label(s)} has neither an image nor a build context specified`, at(s, 'name'), 'add image: or build:'));
  }
  const imageProblem = s.image === undefined ? undefined : imageReferenceProblem(s.image);
  if (imageProblem !== undefined) {
    // Docker Compose pulls (or tags a build) with this name and fails with "invalid reference format"; so would
    // docker stack deploy and the kubelet, long after conversion.
    out.push(error('IMAGE_INVALID', `${label(s)}: image "${s.image}" is not a valid image reference: ${imageProblem}`, at(s, 'image'), 'write [registry[:port]/]name[:tag][@digest], the name in lowercase'));
  }
  if (s.build?.dockerfile_inline !== undefined && s.build.dockerfile !== undefined && s.build.dockerfile !== 'Dockerfile') {
    out.push(error('BUILD_CONFLICT', `${label(s)}: build.dockerfile and build.dockerfile_inline are mutually exclusive`, at(s, 'build')));
  }
  checkReferences(project, s, out);
  const mode = s.network_mode;
  if (mode?.startsWith('service:') && !has(project.services, mode.slice(8))) {
    out.push(error('UNDEFINED_SERVICE', `${label(s)} uses network_mode of undefined service "${mode.slice(8)}"`, at(s, 'network_mode')));
  }
  const replicas = s.deploy?.replicas ?? s.scale;
  if (replicas !== undefined && replicas < 0) out.push(error('REPLICAS_INVALID', `${label(s)}: replicas must not be negative`, at(s, 'deploy')));
  if (s.container_name !== undefined && replicas !== undefined && replicas > 1) {
    out.push(error('CONTAINER_NAME_SCALE', `${label(s)} sets container_name, so it cannot have ${replicas} replicas`, at(s, 'container_name')));
  }
  const limits = s.deploy?.resources?.limits;
  if (s.cpus !== undefined && limits?.cpus !== undefined && s.cpus !== limits.cpus) {
    out.push(error('CPUS_CONFLICT', `${label(s)}: cpus and deploy.resources.limits.cpus differ`, at(s, 'cpus')));
  }
  if (s.mem_limit !== undefined && limits?.memory !== undefined && s.mem_limit !== limits.memory) {
    out.push(error('MEMORY_CONFLICT', `${label(s)}: mem_limit and deploy.resources.limits.memory differ`, at(s, 'mem_limit')));
  }
  checkMounts(s, out);
}

/** Networks, volumes, secrets, configs and services the service names must exist (indexed loops: per service). */
function checkReferences(project: Project, s: Service, out: Diagnostic[]): void {
  const networks = Object.keys(s.networks);
  if (s.network_mode !== undefined && networks.length > 0) {
    out.push(error('NETWORK_MODE_CONFLICT', `${label(s)} declares network_mode together with networks`, at(s, 'network_mode')));
  }
  for (let i = 0; i < networks.length; i++) {
    const net = networks[i]!;
    if (!has(project.networks, net)) out.push(error('UNDEFINED_NETWORK', `${label(s)} refers to undefined network ${net}`, at(s, 'networks')));
  }
  for (let i = 0; i < s.volumes.length; i++) {
    const v = s.volumes[i]!;
    if (v.type === 'volume' && v.source !== undefined && !has(project.volumes, v.source)) {
      out.push(error('UNDEFINED_VOLUME', `${label(s)} refers to undefined volume ${v.source}`, at(s, 'volumes'), `declare it under the top-level volumes:`));
    }
  }
  checkFileRefs(s, 'secret', s.secrets, project.secrets, out);
  checkFileRefs(s, 'config', s.configs, project.configs, out);
  const deps = Object.keys(s.depends_on);
  for (let i = 0; i < deps.length; i++) {
    const dep = deps[i]!;
    if (has(project.services, dep) || !s.depends_on[dep]!.required) continue;
    const why = has(project.disabled_services, dep) ? ` (it is disabled by its profiles)` : '';
    out.push(error('UNDEFINED_SERVICE', `${label(s)} depends on undefined service "${dep}"${why}`, at(s, 'depends_on')));
  }
}

function checkFileRefs(s: Service, kind: 'secret' | 'config', refs: readonly ServiceFileRef[], defined: object, out: Diagnostic[]): void {
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i]!;
    if (!has(defined, ref.source)) out.push(error(`UNDEFINED_${kind.toUpperCase()}`, `${label(s)} refers to undefined ${kind} ${ref.source}`, at(s, `${kind}s`)));
  }
}

/** Two mounts (volumes or tmpfs) at one target. */
function checkMounts(s: Service, out: Diagnostic[]): void {
  const tmpfs = s.tmpfs ?? [];
  // One mount cannot conflict with anything: no map needed.
  if (tmpfs.length + s.volumes.length < 2) return;
  const targets = new Map<string, string>();
  for (const t of tmpfs) targets.set(t.split(':')[0]!, 'tmpfs');
  for (let i = 0; i < s.volumes.length; i++) {
    const v = s.volumes[i]!;
    const other = targets.get(v.target);
    if (other !== undefined) out.push(error('MOUNT_CONFLICT', `${label(s)}: target ${v.target} is already mounted as ${other}`, at(s, 'volumes')));
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
function checkCycles(project: Project, names: readonly string[], out: Diagnostic[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of names) {
    if (state.has(start)) continue;
    const stack: Frame[] = [frame(project, start, state)];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.deps.length) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      const next = top.deps[top.i++]!;
      if (state.get(next) === 'visiting') {
        let from = 0;
        while (stack[from]!.name !== next) from++;
        const cycle: string[] = [];
        for (let i = from; i < stack.length; i++) cycle.push(stack[i]!.name);
        cycle.push(next);
        out.push(error('DEPENDENCY_CYCLE', `dependency cycle detected: ${cycle.join(' -> ')}`, at(project.services[top.name]!, 'depends_on')));
        return;
      }
      if (!state.has(next)) stack.push(frame(project, next, state));
    }
  }
}

/** A service on the search stack: its enabled dependencies in name order, and how many were followed. */
interface Frame {
  name: string;
  deps: string[];
  i: number;
}

function frame(project: Project, name: string, state: Map<string, 'visiting' | 'done'>): Frame {
  state.set(name, 'visiting');
  const deps: string[] = [];
  for (const dep of sortedNames(project.services[name]!.depends_on)) if (has(project.services, dep)) deps.push(dep);
  return { name, deps, i: 0 };
}

function checkContainerNames(project: Project, names: readonly string[], out: Diagnostic[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const s = project.services[name]!;
    if (s.container_name === undefined) continue;
    const other = seen.get(s.container_name);
    if (other) out.push(error('CONTAINER_NAME_DUPLICATE', `services "${other}" and "${name}" both use container_name ${s.container_name}`, at(s, 'container_name')));
    else seen.set(s.container_name, name);
  }
}
