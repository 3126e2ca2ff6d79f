/**
 * Settings of the container's host that the stack format has under the same names: `credential_spec`, `logging`,
 * `extra_hosts` and `ulimits`. Each is rewritten into the one spelling the stack format reads.
 */
import type { Service, Ulimit } from '../../ir/types.js';
import { setOwn } from '../../util/objects.js';
import { sortedNames } from '../../util/strings.js';
import type { SwarmContext } from './context.js';
import type { SwarmCredentialSpec, SwarmService, SwarmUlimit } from './stack-types.js';

/** The fields of a credential spec; Compose also allows `x-` fields there, which the stack format does not. */
const CREDENTIAL_SPEC_FIELDS = ['config', 'file', 'registry'] as const;

/** The stack file's `credential_spec`, `logging`, `extra_hosts` and `ulimits` of a service. */
export function hostSettings(c: SwarmContext, s: Service): Pick<SwarmService, 'credential_spec' | 'logging' | 'extra_hosts' | 'ulimits'> {
  const out: Pick<SwarmService, 'credential_spec' | 'logging' | 'extra_hosts' | 'ulimits'> = {};
  if (s.credential_spec !== undefined && c.needs('credentialSpec', `services.${s.name}.credential_spec`, s, 'credential_spec')) out.credential_spec = credentialSpec(c, s, s.credential_spec);
  if (s.logging !== undefined) out.logging = s.logging;
  // One `host:ip` entry per address: the mapping form holds only one address per host.
  if (s.extra_hosts !== undefined) out.extra_hosts = sortedNames(s.extra_hosts).flatMap((h) => s.extra_hosts![h]!.map((ip) => `${h}:${ip}`));
  if (s.ulimits !== undefined) out.ulimits = ulimits(s.ulimits);
  return out;
}

/** A credential spec without its `x-` fields, which are reported. */
function credentialSpec(c: SwarmContext, s: Service, spec: NonNullable<Service['credential_spec']>): SwarmCredentialSpec {
  const out: SwarmCredentialSpec = {};
  for (const field of CREDENTIAL_SPEC_FIELDS) {
    const value = spec[field];
    // Loading checked that these are strings.
    if (typeof value !== 'string') continue;
    if (field === 'config' && !c.needs('credentialSpecConfig', `services.${s.name}.credential_spec.config`, spec, 'config')) continue;
    out[field] = value;
  }
  const extensions = Object.fromEntries(Object.entries(spec).filter(([key]) => key.startsWith('x-')));
  c.dropExtensions(extensions, `services.${s.name}.credential_spec`, s, 'credential_spec');
  return out;
}

/** `ulimits`, each one number or both limits. */
function ulimits(limits: Record<string, Ulimit>): Record<string, number | SwarmUlimit> {
  const out: Record<string, number | SwarmUlimit> = {};
  for (const name of sortedNames(limits)) setOwn(out, name, ulimit(limits[name]!));
  return out;
}

function ulimit(u: Ulimit): number | SwarmUlimit {
  if (u.single !== undefined) return u.single;
  // Loading requires both limits of the long form (the Compose schema does), so neither is missing here.
  return { soft: u.soft!, hard: u.hard! };
}
