/**
 * `deploy.placement` -> node affinity, tolerations and topology spread (Kompose fixture deploy-placement, copied
 * into test/data/kompose, and the constraints Kompose drops); constraints Kubernetes cannot express are reported
 * at `deploy`, never guessed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert.js';
import { memoryHost } from '../../../src/load/host.js';
import { load } from '../../../src/load/loader.js';
import { validateObjects } from '../../helpers/k8s-validate.js';
import { REPO_ROOT } from '../../helpers/shared.js';

function pod(objects: { kind: string; metadata: { name: string }; spec?: unknown }[], name: string): Record<string, any> {
  const w = objects.find((o) => o.kind !== 'Service' && o.metadata.name === name) as { spec: { template: { spec: Record<string, any> } } };
  return w.spec.template.spec;
}

function convertText(compose: string) {
  const loaded = load({ host: memoryHost({ '/p/compose.yaml': compose }, { cwd: '/p' }), cwd: '/p', env: {} });
  return convert(loaded.project!, { target: 'kubernetes' });
}

describe('deploy.placement', () => {
  it('Kompose fixture deploy-placement: hostname and node labels as required affinity, spreads over node labels', async () => {
    const loaded = load({ cwd: path.join(REPO_ROOT, 'test/data/kompose'), files: ['deploy-placement--compose-placement.yaml'], env: {} });
    const r = convert(loaded.project!, { target: 'kubernetes' });
    const spec = pod(r.objects, 'redis');
    expect(spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      {
        matchExpressions: [
          { key: 'kubernetes.io/hostname', operator: 'In', values: ['machine'] },
          { key: 'foo', operator: 'NotIn', values: ['bar'] },
        ],
      },
    ]);
    expect(spec.topologySpreadConstraints.map((t: { topologyKey: string }) => t.topologyKey)).toEqual(['zone', 'ssd']);
    expect(spec.topologySpreadConstraints[0]).toMatchObject({ maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' });
    const reported = r.diagnostics.filter((d) => d.code === 'K8S_PLACEMENT_UNSUPPORTED').map((d) => d.message);
    expect(reported).toEqual([
      expect.stringContaining('"engine.labels.operatingsystem == ubuntu 14.04" reads a Docker engine label'),
      expect.stringContaining('"baz != qux"'),
      expect.stringContaining('spread over "foo"'),
    ]);
    expect(r.diagnostics.filter((d) => d.code === 'K8S_PLACEMENT_UNSUPPORTED').map((d) => d.location?.line)).toEqual([10, 12, 15]);
    expect(await validateObjects(r.objects)).toEqual([]);
  });

  it('role, platform and one replica per node', async () => {
    const r = convertText(`services:
  ctl:
    image: ctl
    deploy:
      placement:
        constraints: ["node.role == manager", "node.platform.os == linux", "node.platform.arch == x86_64"]
        max_replicas_per_node: 1
  work:
    image: work
    deploy:
      placement: { constraints: ["node.role != manager", "node.id == 2ab3"], max_replicas_per_node: 2 }
  agent:
    image: agent
    deploy: { mode: global, placement: { preferences: [{ spread: node.labels.zone }] } }
`);
    const ctl = pod(r.objects, 'ctl');
    expect(ctl.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
      { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
    ]);
    // Control-plane nodes are tainted; a manager-only service must tolerate that to run there at all.
    expect(ctl.tolerations).toEqual([{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }]);
    expect(ctl.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    const work = pod(r.objects, 'work');
    expect(work.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', operator: 'DoesNotExist' },
    ]);
    expect(work.tolerations).toBeUndefined();
    expect(work.affinity.podAntiAffinity).toBeUndefined();
    const messages = r.diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/K8S_PLACEMENT_UNSUPPORTED: .*"node.id == 2ab3" names a Swarm node ID/));
    expect(messages).toContainEqual(expect.stringMatching(/K8S_PLACEMENT_UNSUPPORTED: .*max_replicas_per_node: 2/));
    expect(messages).toContainEqual(expect.stringMatching(/K8S_PLACEMENT_SPREAD: services.agent/));
    expect(pod(r.objects, 'agent').topologySpreadConstraints).toBeUndefined();
    expect(await validateObjects(r.objects)).toEqual([]);
  });

  it('a value Kubernetes cannot hold as a label value is reported, not emitted', () => {
    const r = convertText(`services:\n  a: { image: a, deploy: { placement: { constraints: ["node.labels.tier == front end"] } } }\n`);
    expect(pod(r.objects, 'a').affinity).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('"front end", which is not a valid Kubernetes label value'));
  });
});
