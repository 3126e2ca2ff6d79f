/** Issue 15 item 1: Compose injects no `<SERVICE>_PORT=tcp://...` variables, so no pod gets Kubernetes' service links. */
import { describe, expect, it } from 'vitest';
import { find, podSpec, toKubernetes } from './convert.js';

describe('service links', () => {
  it('turns them off on every pod spec, whatever the workload kind', () => {
    const result = toKubernetes(`
services:
  registry: {image: confluentinc/cp-schema-registry, ports: ["8081:8081"]}
  once: {image: busybox, restart: "no"}
  agent: {image: busybox, deploy: {mode: global}}
`);
    for (const [kind, name] of [['Deployment', 'registry'], ['Job', 'once'], ['DaemonSet', 'agent']] as const) {
      expect(podSpec(find(result, kind, name)).enableServiceLinks, `${kind} ${name}`).toBe(false);
    }
  });
});
