/**
 * The service's container and the pod-level settings that come from the same Compose keys: command and args,
 * environment, ports, security context, DNS, host aliases, resources, probes.
 */
import type { Service } from '../../ir/types.js';
import { sortedNames } from '../../ir/types.js';
import type { KubeContext } from './context.js';
import { dnsLabel, portName } from './names.js';
import { probes } from './probes.js';
import { cpuQuantity, memoryQuantity } from './quantities.js';
import type { Mount } from './storage.js';

type Out = Record<string, unknown>;

/** The image of a service; a build-only service gets the tag Compose would build. */
export function imageOf(c: KubeContext, s: Service): string {
  if (s.image !== undefined) return s.image;
  const image = `${c.project.name}-${s.name}`;
  c.report('warning', 'K8S_BUILD_ONLY', `services.${s.name} has no image; using ${image}, the tag docker compose builds`, s, 'build', `build and push ${image} to a registry your cluster can pull from, and set image:`);
  return image;
}

/** Kubernetes expands `$(VAR)` in command and args; Compose does not, so a literal `$(` is escaped. */
function escapeExpansion(args: string[]): string[] {
  return args.map((a) => a.replace(/\$\(/g, '$$$$('));
}

/** Builds the container. `envFromConfigMap` names the env-file ConfigMap, if any. */
export function container(c: KubeContext, s: Service, mounts: Mount[], envFromConfigMap: string | undefined): Out {
  const out: Out = { name: dnsLabel(s.name), image: imageOf(c, s) };
  if (s.entrypoint !== undefined) out.command = escapeExpansion(s.entrypoint);
  if (s.command !== undefined) out.args = escapeExpansion(s.command);
  if (s.working_dir !== undefined) out.workingDir = s.working_dir;
  const env = environment(s, envFromConfigMap !== undefined);
  if (env.length > 0) out.env = env;
  if (envFromConfigMap !== undefined) out.envFrom = [{ configMapRef: { name: envFromConfigMap } }];
  const ports = containerPorts(c, s);
  if (ports.length > 0) out.ports = ports;
  const security = securityContext(c, s);
  if (Object.keys(security).length > 0) out.securityContext = security;
  if (s.stdin_open) out.stdin = true;
  if (s.tty) out.tty = true;
  const pullPolicy = imagePullPolicy(c, s);
  if (pullPolicy !== undefined) out.imagePullPolicy = pullPolicy;
  const resources = containerResources(c, s);
  if (Object.keys(resources).length > 0) out.resources = resources;
  Object.assign(out, probes(s.healthcheck));
  if (mounts.length > 0) out.volumeMounts = mounts.map((m) => m.mount).sort((a, b) => compare(String(a.mountPath), String(b.mountPath)));
  return out;
}

/**
 * With env files, their variables come from a ConfigMap (`envFrom`) and only the declared entries are listed;
 * `env` wins over `envFrom` in Kubernetes as `environment` wins over `env_file` in Compose.
 */
function environment(s: Service, fromConfigMap: boolean): Out[] {
  const source = fromConfigMap ? s.environment_declared : s.environment;
  return sortedNames(source)
    .filter((k) => source[k] !== null)
    .map((name) => ({ name, value: source[name] }));
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

/** Every container port (targets of `ports` and `expose`), named uniquely; host-mode ports get a hostPort. */
export function containerPortList(s: Service): { port: number; protocol: string; hostPort?: number }[] {
  const seen = new Set<string>();
  const out: { port: number; protocol: string; hostPort?: number }[] = [];
  const add = (port: number, protocol: string, hostPort?: number) => {
    const key = `${port}/${protocol}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(hostPort === undefined ? { port, protocol } : { port, protocol, hostPort });
  };
  for (const p of s.ports) add(p.target, p.protocol.toUpperCase(), p.mode === 'host' && p.published ? Number(p.published.split('-')[0]) : undefined);
  for (const e of s.expose) {
    const [range, proto] = e.split('/') as [string, string | undefined];
    const [start, end] = range.split('-').map(Number) as [number, number | undefined];
    for (let p = start; p <= (end ?? start); p++) if (Number.isInteger(p)) add(p, (proto ?? 'tcp').toUpperCase());
  }
  return out;
}

function containerPorts(c: KubeContext, s: Service): Out[] {
  const taken = new Set<string>();
  return containerPortList(s).map((p) => {
    const out: Out = { containerPort: p.port, name: portName(`${p.protocol.toLowerCase()}-${p.port}`, taken), protocol: p.protocol };
    if (p.hostPort !== undefined) {
      out.hostPort = p.hostPort;
      c.report('info', 'K8S_HOST_PORT', `services.${s.name}: the host-mode port ${p.hostPort} becomes a hostPort, so one pod per node can run`, s, 'ports');
    }
    return out;
  });
}

function securityContext(c: KubeContext, s: Service): Out {
  const out: Out = {};
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
  const add = (s.cap_add ?? []).map(capability);
  const drop = (s.cap_drop ?? []).map(capability);
  if (add.length > 0 || drop.length > 0) {
    const capabilities: Out = {};
    if (add.length > 0) capabilities.add = add;
    if (drop.length > 0) capabilities.drop = drop;
    out.capabilities = capabilities;
  }
  return out;
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

/** Limits and requests in human quantities, from deploy.resources or the legacy service keys. */
function containerResources(c: KubeContext, s: Service): Out {
  const limits: Record<string, string> = {};
  const requests: Record<string, string> = {};
  const l = s.deploy?.resources?.limits;
  const r = s.deploy?.resources?.reservations;
  const cpu = l?.cpus ?? s.cpus;
  if (cpu !== undefined && cpu > 0) limits.cpu = cpuQuantity(cpu);
  const memory = l?.memory ?? s.mem_limit;
  if (memory !== undefined && memory > 0) limits.memory = memoryQuantity(memory);
  if (r?.cpus !== undefined && r.cpus > 0) requests.cpu = cpuQuantity(r.cpus);
  const reserved = r?.memory ?? s.mem_reservation;
  if (reserved !== undefined && reserved > 0) requests.memory = memoryQuantity(reserved);
  const gpus = [...(r?.devices ?? []).filter((d) => d.capabilities?.includes('gpu') ?? true), ...(s.gpus ?? [])];
  for (const request of gpus) {
    if (request.count !== undefined && request.count > 0) limits['nvidia.com/gpu'] = String(Number(limits['nvidia.com/gpu'] ?? 0) + request.count);
    else c.report('warning', 'K8S_GPU_ALL', `services.${s.name}: Kubernetes cannot request "all" GPUs; give a count`, s, s.gpus ? 'gpus' : 'deploy');
  }
  const out: Out = {};
  if (Object.keys(limits).length > 0) out.limits = limits;
  if (Object.keys(requests).length > 0) out.requests = requests;
  return out;
}

/** Pod-level settings: sysctls, groups, hostname, host aliases, DNS, grace period, platform. */
export function podSettings(c: KubeContext, s: Service): Out {
  const out: Out = {};
  const security: Out = {};
  if (s.sysctls !== undefined && Object.keys(s.sysctls).length > 0) {
    security.sysctls = sortedNames(s.sysctls).map((name) => ({ name, value: s.sysctls![name] }));
  }
  const groups = (s.group_add ?? []).filter((g) => /^\d+$/.test(g)).map(Number);
  if (groups.length > 0) security.supplementalGroups = groups;
  if ((s.group_add ?? []).some((g) => !/^\d+$/.test(g))) {
    c.report('warning', 'K8S_USER_NAME', `services.${s.name}.group_add: group names are left out; Kubernetes needs numeric IDs`, s, 'group_add');
  }
  if (Object.keys(security).length > 0) out.securityContext = security;
  if (s.hostname !== undefined) out.hostname = dnsLabel(s.hostname);
  if (s.domainname !== undefined) {
    c.report('info', 'K8S_DOMAINNAME', `services.${s.name}.domainname becomes the pod subdomain; it resolves only through a headless Service of that name`, s, 'domainname');
    out.subdomain = dnsLabel(s.domainname.split('.')[0] ?? s.domainname);
  }
  if (s.extra_hosts !== undefined && Object.keys(s.extra_hosts).length > 0) out.hostAliases = hostAliases(s.extra_hosts);
  const dns: Out = {};
  if (s.dns !== undefined && s.dns.length > 0) dns.nameservers = s.dns;
  if (s.dns_search !== undefined && s.dns_search.length > 0) dns.searches = s.dns_search;
  if (s.dns_opt !== undefined && s.dns_opt.length > 0) {
    dns.options = s.dns_opt.map((o) => {
      const [name, value] = o.split(':', 2);
      return value === undefined ? { name } : { name, value };
    });
  }
  if (Object.keys(dns).length > 0) out.dnsConfig = dns;
  if (s.stop_grace_period !== undefined) out.terminationGracePeriodSeconds = Math.ceil(s.stop_grace_period / 1000);
  if (s.platform !== undefined) {
    const [os, arch] = s.platform.split('/');
    const selector: Record<string, string> = {};
    if (os) selector['kubernetes.io/os'] = os;
    if (arch) selector['kubernetes.io/arch'] = arch;
    out.nodeSelector = selector;
  }
  if (s.network_mode === 'host') out.hostNetwork = true;
  if (s.ipc === 'host') out.hostIPC = true;
  if (s.pid === 'host') out.hostPID = true;
  return out;
}

function hostAliases(hosts: Record<string, string[]>): Out[] {
  const byIp = new Map<string, string[]>();
  for (const host of sortedNames(hosts)) for (const ip of hosts[host]!) byIp.set(ip, [...(byIp.get(ip) ?? []), host]);
  return [...byIp.keys()].sort(compare).map((ip) => ({ ip, hostnames: byIp.get(ip)! }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
