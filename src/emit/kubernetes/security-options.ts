/**
 * `security_opt` -> the container's securityContext. Docker's options that have a Kubernetes field map to it; the
 * rest are reported one by one at the key, so a mapped option never hides an unmapped one.
 */
import type { Service } from '../../ir/types.js';
import type { KubeContext } from './context.js';
import type { V1SecurityContext } from '@kubernetes/client-node';

/** The securityContext fields `security_opt` sets. */
export type SecurityOptionFields = Pick<V1SecurityContext, 'allowPrivilegeEscalation' | 'appArmorProfile' | 'seccompProfile'>;

/** Maps a service's `security_opt`, reporting each entry Kubernetes cannot express. */
export function securityOptions(c: KubeContext, s: Service): SecurityOptionFields {
  const out: SecurityOptionFields = {};
  const options = s.security_opt ?? [];
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    // Docker accepts both `key:value` and `key=value`.
    const match = /^([a-z-]+)(?:[:=](.*))?$/.exec(option);
    const key = match?.[1];
    const value = match?.[2];
    if (key === 'no-new-privileges' && (value === undefined || value === 'true')) out.allowPrivilegeEscalation = false;
    else if (key === 'no-new-privileges' && value === 'false') continue;
    else if (key === 'seccomp' && value === 'unconfined') out.seccompProfile = { type: 'Unconfined' };
    else if (key === 'apparmor' && value === 'unconfined') out.appArmorProfile = { type: 'Unconfined' };
    else {
      const hint = key === 'seccomp' || key === 'apparmor'
        ? `a profile file must be installed on the nodes: set securityContext.${key === 'seccomp' ? 'seccompProfile' : 'appArmorProfile'} (type Localhost) with a Kustomize patch`
        : key === 'label' ? 'set securityContext.seLinuxOptions with a Kustomize patch' : 'set the matching securityContext field by hand';
      c.report('warning', 'K8S_UNSUPPORTED', `services.${s.name}.security_opt "${option}" has no direct Kubernetes equivalent and is left out`, s, 'security_opt', hint);
    }
  }
  return out;
}
