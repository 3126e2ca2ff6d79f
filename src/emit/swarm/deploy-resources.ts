/**
 * `deploy.resources`: CPU, memory and process limits and reservations. The service-level keys Docker Compose also
 * reads (`cpus`, `mem_limit`, `mem_reservation`, `pids_limit`) fill in where `deploy.resources` is silent, and GPU
 * requests (`gpus`, reservations of devices) become generic resources, the one way Swarm hands out GPUs.
 */
import type { Deploy, DeviceRequest, Service } from '../../ir/types.js';
import type { SwarmContext } from './context.js';
import type { SwarmGenericResource, SwarmResourceLimits, SwarmResourceReservations, SwarmResources } from './stack-types.js';

/** The stack file's `deploy.resources` of a service (empty when it sets none). */
export function deployResources(c: SwarmContext, s: Service, d: Deploy): SwarmResources {
  const limits = resourceLimits(c, s, d);
  const reservations = resourceReservations(c, s, d);
  const out: SwarmResources = {};
  if (Object.keys(limits).length > 0) out.limits = limits;
  if (Object.keys(reservations).length > 0) out.reservations = reservations;
  return out;
}

function resourceLimits(c: SwarmContext, s: Service, d: Deploy): SwarmResourceLimits {
  const l = d.resources?.limits;
  const out: SwarmResourceLimits = {};
  const cpus = l?.cpus ?? s.cpus;
  if (cpus !== undefined) out.cpus = String(cpus);
  const memory = l?.memory ?? s.mem_limit;
  if (memory !== undefined) out.memory = byteText(memory);
  const pids = l?.pids ?? s.pids_limit;
  if (pids !== undefined && c.needs('pidsLimit', `services.${s.name} pids limit`, s, s.pids_limit !== undefined ? 'pids_limit' : 'deploy')) out.pids = pids;
  return out;
}

function resourceReservations(c: SwarmContext, s: Service, d: Deploy): SwarmResourceReservations {
  const r = d.resources?.reservations;
  const out: SwarmResourceReservations = {};
  if (r?.cpus !== undefined) out.cpus = String(r.cpus);
  const reserved = r?.memory ?? s.mem_reservation;
  if (reserved !== undefined) out.memory = byteText(reserved);
  const generic = [...(r?.generic_resources ?? []), ...gpuResources(c, s, [...(r?.devices ?? []), ...(s.gpus ?? [])])];
  if (generic.length > 0 && c.needs('genericResources', `services.${s.name} generic resources`, s, 'deploy')) out.generic_resources = generic;
  return out;
}

/** GPU requests as Swarm generic resources, which nodes must advertise (`node-generic-resources` in daemon.json). */
function gpuResources(c: SwarmContext, s: Service, requests: DeviceRequest[]): SwarmGenericResource[] {
  const out: SwarmGenericResource[] = [];
  for (const request of requests) {
    if (request.count === undefined || request.count < 0) {
      c.report('warning', 'SWARM_GPU_ALL', `services.${s.name}: Swarm cannot reserve "all" GPUs; give a count`, s, s.gpus ? 'gpus' : 'deploy');
      continue;
    }
    const kind = request.driver === 'nvidia' || request.driver === undefined ? 'NVIDIA-GPU' : request.driver;
    out.push({ discrete_resource_spec: { kind, value: request.count } });
    c.report('info', 'SWARM_GPU', `services.${s.name}: GPUs become the generic resource ${kind}; each node must advertise it in daemon.json node-generic-resources`, s, s.gpus ? 'gpus' : 'deploy');
  }
  return out;
}

/** Bytes as docker reads sizes (`512M`), or a plain count when no binary unit divides it. */
function byteText(bytes: number): string {
  for (const [suffix, size] of [['G', 2 ** 30], ['M', 2 ** 20], ['K', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}
