/**
 * Issue 15 item 9: a named volume two services share stays one claim under StatefulSets (a claim template each
 * would split the data), and several replicas on one ReadWriteOnce claim get a warning.
 */
import { describe, expect, it } from 'vitest';
import { find, ofKind, podSpec, toKubernetes, withCode } from './convert.js';

describe('shared volumes', () => {
  it('mounts the one shared claim in both StatefulSets and keeps a template for a volume of its own', () => {
    const result = toKubernetes(
      `
services:
  writer: {image: app, volumes: [data:/data, own:/own]}
  reader: {image: app, volumes: ["data:/data:ro"]}
volumes:
  data: {}
  own: {}
`,
      { controller: 'statefulset' },
    );
    expect(ofKind(result, 'PersistentVolumeClaim').map((p) => p.metadata.name)).toEqual(['data']);
    for (const name of ['writer', 'reader']) {
      const volumes = podSpec(find(result, 'StatefulSet', name)).volumes;
      expect(volumes, name).toContainEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data' } });
    }
    const templates = (find(result, 'StatefulSet', 'writer').spec as { volumeClaimTemplates: { metadata: { name: string } }[] }).volumeClaimTemplates;
    expect(templates.map((t) => t.metadata.name)).toEqual(['own']);
    expect(find(result, 'StatefulSet', 'reader').spec!.volumeClaimTemplates).toBeUndefined();
    expect(withCode(result, 'K8S_SHARED_CLAIM').length).toBeGreaterThan(0);
  });

  it('warns when several replicas share a ReadWriteOnce claim', () => {
    const result = toKubernetes(`
services:
  app: {image: app, deploy: {replicas: 3}, volumes: [data:/data]}
volumes:
  data: {}
`);
    const [warning] = withCode(result, 'K8S_REPLICA_CLAIMS');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('3 replicas');
  });

  it('warns when a StatefulSet gives each replica its own copy', () => {
    const result = toKubernetes(
      `
services:
  app: {image: app, deploy: {replicas: 2}, volumes: [data:/data]}
volumes:
  data: {}
`,
      { controller: 'statefulset' },
    );
    expect(withCode(result, 'K8S_REPLICA_CLAIMS')[0]?.message).toContain('each get their own claim');
  });
});
