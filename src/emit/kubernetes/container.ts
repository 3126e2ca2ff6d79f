/**
 * The service's container and the pod-level settings that come from the same Compose keys: command and args,
 * environment, ports, security context, DNS, host aliases, resources, probes.
 */
import type { Service } from '../../ir/types.js';
import { hasOwnKeys } from '../../util/objects.js';
import type { KubeContext } from './context.js';
import { dnsLabel, isCleanPortName, portName } from './names.js';
import { probes } from './probes.js';
import { cpuQuantity, memoryQuantity } from './quantities.js';
import type { Mount } from './storage.js';
import type { PodSettings } from './types.js';
import { sortByString, sortedNames } from '../../util/strings.js';
import { lowerProtocol, userPortNames, type ContainerPort } from './container-ports.js';
import { commandAndArgs } from './entrypoint.js';
import { securityOptions } from './security-options.js';
import { hostAliases } from './host-aliases.js';
import { requestWithinLimit } from './resources.js';

import type {
  V1Capabilities,
  V1Container,
  V1ContainerPort,
  V1EnvVar,
  V1PodDNSConfig,
  V1PodSecurityContext,
  V1ResourceRequirements,
  V1SecurityContext,
  V1VolumeMount,
} from '@kubernetes/client-node';

/** The image of a service; a build-only service gets the tag Compose would build. */
export function imageOf(c: KubeContext, s: Service): string {
  if (s.image !== undefined) return s.image;
  const image = `${c.project.name}-${s.name}`;
  c.report('warning', 'K8S_BUILD_ONLY', `services.${s.name} has no image; using ${image}, the tag docker compose builds`, s, 'build', `build and push ${image} to a registry your cluster can pull from, and set image:`);
  return image;
}

/**
 * Kubernetes expands `$(VAR)` and turns `$$` into `$` in command, args and env values; Compose passes them on as
 * written. Doubling each `$` that starts either form makes the container receive exactly Compose's string (a lone
 * `$` before anything else is left alone, as Kubernetes leaves it).
 */
export function escapeExpansion(value: string): string {
  return value.includes('$') ? value.replace(/\$(?=[$(])/g, '$$$$') : value;
}

function escapeAll(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) out.push(escapeExpansion(args[i]!));
  return out;
}

/**
 * Builds the container. `envFromConfigMap` names the env-file ConfigMap, if any. The parts are worked out in the
 * order their diagnostics are reported in.
 */
export function container(c: KubeContext, s: Service, mounts: Mount[], envFromConfigMap: string | undefined): V1Container {
  const image = imageOf(c, s);
  const env = environment(s, envFromConfigMap !== undefined);
  const ports = containerPorts(c, s);
  const security = securityContext(c, s);
  const pullPolicy = imagePullPolicy(c, s);
  const resources = containerResources(c, s);
  const probe = probes(s.healthcheck);
  const out: V1Container = { image, name: dnsLabel(s.name) };
  const run = commandAndArgs(c, s, escapeAll);
  if (run.args !== undefined) out.args = run.args;
  if (run.command !== undefined) out.command = run.command;
  if (env.length > 0) out.env = env;
  if (envFromConfigMap !== undefined) out.envFrom = [{ configMapRef: { name: envFromConfigMap } }];
  if (pullPolicy !== undefined) out.imagePullPolicy = pullPolicy;
  if (probe.livenessProbe !== undefined) out.livenessProbe = probe.livenessProbe;
  if (ports.length > 0) out.ports = ports;
  if (probe.readinessProbe !== undefined) out.readinessProbe = probe.readinessProbe;
  if (resources !== undefined) out.resources = resources;
  if (security !== undefined) out.securityContext = security;
  if (probe.startupProbe !== undefined) out.startupProbe = probe.startupProbe;
  if (s.stdin_open) out.stdin = true;
  if (s.tty) out.tty = true;
  if (mounts.length > 0) out.volumeMounts = volumeMounts(mounts);
  if (s.working_dir !== undefined) out.workingDir = s.working_dir;
  return out;
}

/** The mounts by path (a stable sort: two mounts at one path keep their order). */
function volumeMounts(mounts: Mount[]): V1VolumeMount[] {
  const out: V1VolumeMount[] = [];
  for (let i = 0; i < mounts.length; i++) out.push(mounts[i]!.mount);
  return sortByString(out, (m) => m.mountPath);
}

/**
 * With env files, their variables come from a ConfigMap (`envFrom`) and only the declared entries are listed;
 * `env` wins over `envFrom` in Kubernetes as `environment` wins over `env_file` in Compose.
 */
function environment(s: Service, fromConfigMap: boolean): V1EnvVar[] {
  const source = fromConfigMap ? s.environment_declared : s.environment;
  const out: V1EnvVar[] = [];
  const names = sortedNames(source);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = source[name];
    if (value !== null && value !== undefined) out.push({ name, value: escapeExpansion(value) });
  }
  return out;
}

/** The variables of a service's env files that its ConfigMap holds (declared entries, even unset ones, win). */
export function envFileData(s: Service): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of sortedNames(s.environment)) {
    if (Object.prototype.hasOwnProperty.call(s.environment_declared, key)) continue;
    const value = s.environment[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

function containerPorts(c: KubeContext, s: Service): V1ContainerPort[] {
  const out: V1ContainerPort[] = [];
  const list = c.containerPorts(s);
  const taken = userPortNames(list);
  reportPortNames(c, s, list);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const name = p.name ?? portName(`${lowerProtocol(p.protocol)}-${p.port}`, taken);
    if (p.hostPort === undefined) {
      out.push({ containerPort: p.port, name, protocol: p.protocol });
      continue;
    }
    out.push({ containerPort: p.port, hostPort: p.hostPort, name, protocol: p.protocol });
    c.report('info', 'K8S_HOST_PORT', `services.${s.name}: the host-mode port ${p.hostPort} becomes a hostPort, so one pod per node can run`, s, 'ports');
  }
  return out;
}


/** Reports each `ports[].name` that does not become the port's name (not a valid port name, or a repeat). */
function reportPortNames(c: KubeContext, s: Service, list: readonly ContainerPort[]): void {
  for (let i = 0; i < s.ports.length; i++) {
    const p = s.ports[i]!;
    if (p.name === undefined) continue;
    const protocol = p.protocol.toUpperCase();
    const port = list.find((o) => o.port === p.target && o.protocol === protocol);
    if (port?.name === p.name) continue;
    const why = !isCleanPortName(p.name)
      ? 'is not a name Kubernetes accepts for a port (at most 15 lowercase letters, digits and single inner dashes, with at least one letter)'
      : port?.name !== undefined && port.name !== p.name
        ? `is a second name for container port ${p.target}/${p.protocol}, which is already named ${port.name}`
        : 'is already the name of another port';
    c.report('warning', 'K8S_PORT_NAME', `services.${s.name}.ports: the name "${p.name}" of port ${p.target}/${p.protocol} ${why}; a generated name is used`, s, 'ports', 'use a unique name such as http or metrics (lowercase, at most 15 characters)');
  }
}

/** The container's security context, or undefined when the service sets nothing it holds. */
function securityContext(c: KubeContext, s: Service): V1SecurityContext | undefined {
  const options = securityOptions(c, s);
  const out: V1SecurityContext = {};
  if (options.allowPrivilegeEscalation !== undefined) out.allowPrivilegeEscalation = options.allowPrivilegeEscalation;
  if (options.appArmorProfile !== undefined) out.appArmorProfile = options.appArmorProfile;
  if (s.user !== undefined) {
    const [user, group] = s.user.split(':');
    if (/^\d+$/.test(user ?? '')) out.runAsUser = Number(user);
    else c.report('warning', 'K8S_USER_NAME', `services.${s.name}.user "${s.user}" is a name; Kubernetes needs numeric IDs, so it is left out`, s, 'user', 'write the numeric uid (and gid), as in user: "1000:1000"');
    if (group !== undefined) {
      if (/^\d+$/.test(group)) out.runAsGroup = Number(group);
      else c.report('warning', 'K8S_USER_NAME', `services.${s.name}.user group "${group}" is a name; it is left out`, s, 'user');
    }
  }
  if (s.privileged) out.privileged = true;
  if (s.read_only) out.readOnlyRootFilesystem = true;
  if (options.seccompProfile !== undefined) out.seccompProfile = options.seccompProfile;
  const add = s.cap_add ?? [];
  const drop = s.cap_drop ?? [];
  if (add.length > 0 || drop.length > 0) {
    const capabilities: V1Capabilities = {};
    if (add.length > 0) capabilities.add = add.map(capability);
    if (drop.length > 0) capabilities.drop = drop.map(capability);
    out.capabilities = capabilities;
  }
  return hasOwnKeys(out) ? out : undefined;
}

function capability(name: string): string {
  return name.toUpperCase().replace(/^CAP_/, '');
}

function imagePullPolicy(c: KubeContext, s: Service): string | undefined {
  const policy = s.pull_policy;
  if (policy === undefined) return undefined;
  if (policy === 'always') return 'Always';
  if (policy === 'never') return 'Never';
  if (policy === 'missing' || policy === 'build') return 'IfNotPresent';
  c.report('info', 'K8S_PULL_POLICY', `services.${s.name}.pull_policy ${policy} becomes Always (Kubernetes has no timed refresh)`, s, 'pull_policy');
  return 'Always';
}

/**
 * A CPU amount as a quantity, never below Kubernetes' smallest unit: `0.0001` would round to `0`, which means no
 * limit at all (or, as a request, none), the opposite of what was asked.
 */
function cpuAtLeastOneMilli(c: KubeContext, s: Service, cpus: number): string {
  if (cpus >= 0.0005) return cpuQuantity(cpus);
  c.report('warning', 'K8S_CPU_TOO_SMALL', `services.${s.name}: ${cpus} CPUs is below Kubernetes' smallest unit (1m, a thousandth of a CPU); 1m is used`, s, s.deploy?.resources !== undefined ? 'deploy' : 'cpus');
  return '1m';
}

/** Limits and requests in human quantities, from deploy.resources or the legacy service keys; undefined for none. */
function containerResources(c: KubeContext, s: Service): V1ResourceRequirements | undefined {
  const limits: Record<string, string> = {};
  const requests: Record<string, string> = {};
  const l = s.deploy?.resources?.limits;
  const r = s.deploy?.resources?.reservations;
  const cpu = l?.cpus ?? s.cpus;
  if (cpu !== undefined && cpu > 0) limits.cpu = cpuAtLeastOneMilli(c, s, cpu);
  const memory = l?.memory ?? s.mem_limit;
  if (memory !== undefined && memory > 0) limits.memory = memoryQuantity(memory);
  const cpuRequest = requestWithinLimit(c, s, 'cpus', r?.cpus, cpu, 'deploy');
  if (cpuRequest !== undefined && cpuRequest > 0) requests.cpu = cpuAtLeastOneMilli(c, s, cpuRequest);
  const reserved = requestWithinLimit(c, s, 'memory', r?.memory ?? s.mem_reservation, memory, r?.memory !== undefined ? 'deploy' : 'mem_reservation');
  if (reserved !== undefined && reserved > 0) requests.memory = memoryQuantity(reserved);
  for (const device of r?.devices ?? []) if (device.capabilities?.includes('gpu') ?? true) addGpus(c, s, device, limits);
  for (const request of s.gpus ?? []) addGpus(c, s, request, limits);
  const hasLimits = hasOwnKeys(limits);
  const hasRequests = hasOwnKeys(requests);
  if (!hasLimits && !hasRequests) return undefined;
  const out: V1ResourceRequirements = {};
  if (hasLimits) out.limits = limits;
  if (hasRequests) out.requests = requests;
  return out;
}

function addGpus(c: KubeContext, s: Service, request: { count?: number }, limits: Record<string, string>): void {
  if (request.count !== undefined && request.count > 0) limits['nvidia.com/gpu'] = String(Number(limits['nvidia.com/gpu'] ?? 0) + request.count);
  else c.report('warning', 'K8S_GPU_ALL', `services.${s.name}: Kubernetes cannot request "all" GPUs; give a count`, s, s.gpus ? 'gpus' : 'deploy');
}

/**
 * Pod-level settings: sysctls, groups, hostname, host aliases, DNS, grace period, platform. Worked out in the
 * order their diagnostics are reported in.
 */
export function podSettings(c: KubeContext, s: Service): PodSettings {
  const security = podSecurity(c, s);
  if (s.domainname !== undefined) {
    c.report('info', 'K8S_DOMAINNAME', `services.${s.name}.domainname becomes the pod subdomain; it resolves only through a headless Service of that name`, s, 'domainname');
  }
  const out: PodSettings = {};
  const dns = dnsConfig(s);
  if (dns !== undefined) out.dnsConfig = dns;
  // Compose injects no `<SERVICE>_PORT=tcp://...` variables; Kubernetes' would break apps that read such a name.
  out.enableServiceLinks = false;
  const aliases = hostAliases(c, s);
  if (aliases !== undefined) out.hostAliases = aliases;
  if (s.ipc === 'host') out.hostIPC = true;
  if (s.network_mode === 'host') out.hostNetwork = true;
  if (s.pid === 'host') out.hostPID = true;
  if (s.hostname !== undefined) out.hostname = podHostname(c, s, s.hostname);
  if (s.platform !== undefined) out.nodeSelector = platformSelector(s.platform);
  if (security !== undefined) out.securityContext = security;
  if (s.domainname !== undefined) out.subdomain = dnsLabel(s.domainname.split('.')[0] ?? s.domainname);
  if (s.stop_grace_period !== undefined) out.terminationGracePeriodSeconds = Math.ceil(s.stop_grace_period / 1000);
  return out;
}

/**
 * A pod's hostname must be one DNS label. A dotted Compose hostname (`web.example.com`) keeps its first label, which
 * is what `hostname` prints inside the container under Compose too; the rest (what `hostname -f` would show) is
 * reported, as is any other change.
 */
function podHostname(c: KubeContext, s: Service, hostname: string): string {
  const first = hostname.split('.')[0]!;
  const label = dnsLabel(first);
  if (hostname.includes('.')) {
    c.report('warning', 'K8S_HOSTNAME', `services.${s.name}.hostname "${hostname}" is not one DNS label; the pod's hostname is ${label}, and the domain part is not set`, s, 'hostname', 'for a fully qualified name set domainname: to a headless Service name (it becomes the pod subdomain)');
  } else if (label !== hostname) {
    c.report('warning', 'K8S_HOSTNAME', `services.${s.name}.hostname "${hostname}" is not a valid pod hostname; it becomes ${label}`, s, 'hostname');
  }
  return label;
}

/**
 * Sysctls the kubelet allows without configuration (Kubernetes' safe set); any other one makes the kubelet refuse
 * the pod (SysctlForbidden) unless every node lists it in --allowed-unsafe-sysctls.
 */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

function reportUnsafeSysctls(c: KubeContext, s: Service): void {
  const unsafe = sortedNames(s.sysctls!).filter((name) => !SAFE_SYSCTLS.has(name));
  if (unsafe.length === 0) return;
  c.report('warning', 'K8S_UNSAFE_SYSCTL', `services.${s.name}.sysctls: ${unsafe.join(', ')} ${unsafe.length === 1 ? 'is' : 'are'} not in Kubernetes' safe set; the kubelet refuses the pod (SysctlForbidden) unless every node allows ${unsafe.length === 1 ? 'it' : 'them'}`, s, 'sysctls', `start the kubelets with --allowed-unsafe-sysctls=${unsafe.join(',')}, or drop them`);
}

/** The pod security context (sysctls and numeric supplemental groups), or undefined for none. */
function podSecurity(c: KubeContext, s: Service): V1PodSecurityContext | undefined {
  const groups: number[] = [];
  let named = false;
  for (const g of s.group_add ?? []) {
    if (/^\d+$/.test(g)) groups.push(Number(g));
    else named = true;
  }
  if (named) c.report('warning', 'K8S_USER_NAME', `services.${s.name}.group_add: group names are left out; Kubernetes needs numeric IDs`, s, 'group_add');
  const hasSysctls = s.sysctls !== undefined && hasOwnKeys(s.sysctls);
  if (groups.length === 0 && !hasSysctls) return undefined;
  const security: V1PodSecurityContext = {};
  if (groups.length > 0) security.supplementalGroups = groups;
  if (hasSysctls) {
    reportUnsafeSysctls(c, s);
    security.sysctls = sortedNames(s.sysctls!).map((name) => ({ name, value: s.sysctls![name]! }));
  }
  return security;
}

function dnsConfig(s: Service): V1PodDNSConfig | undefined {
  const dns: V1PodDNSConfig = {};
  if (s.dns !== undefined && s.dns.length > 0) dns.nameservers = s.dns;
  if (s.dns_opt !== undefined && s.dns_opt.length > 0) {
    dns.options = s.dns_opt.map((o) => {
      const [name, value] = o.split(':', 2);
      return value === undefined ? { name } : { name, value };
    });
  }
  if (s.dns_search !== undefined && s.dns_search.length > 0) dns.searches = s.dns_search;
  return hasOwnKeys(dns) ? dns : undefined;
}

function platformSelector(platform: string): Record<string, string> {
  const [os, arch] = platform.split('/');
  const selector: Record<string, string> = {};
  if (arch) selector['kubernetes.io/arch'] = arch;
  if (os) selector['kubernetes.io/os'] = os;
  return selector;
}
