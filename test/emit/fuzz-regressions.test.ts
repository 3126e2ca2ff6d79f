/**
 * Inputs the fuzzer found that made a target refuse stackport's output, kept as regressions: each must now convert
 * to output that passes the target's validator, with a diagnostic for what was left out.
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import type { SwarmVersion } from '../../src/emit/swarm/index.js';
import { memoryHost } from '../../src/load/host.js';
import { load } from '../../src/load/loader.js';
import { validateObjects } from '../helpers/k8s-validate.js';
import { swarmSchemaErrors } from '../helpers/swarm-schema.js';

function project(compose: string) {
  const loaded = load({ host: memoryHost({ '/p/compose.yaml': compose }, { cwd: '/p' }), cwd: '/p', env: {} });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.project!;
}

describe('fuzz regressions', () => {
  it('keeps counts and seconds within the int32 fields Kubernetes has', async () => {
    const p = project(`services:
  web:
    image: nginx
    deploy:
      replicas: 3000000000
      update_config: { parallelism: 9000000000 }
    healthcheck:
      test: ["CMD", "true"]
      interval: 100000000h
      retries: 5000000000
`);
    const k8s = convert(p, { target: 'kubernetes' });
    expect(await validateObjects(k8s.objects)).toEqual([]);
    const deployment = k8s.objects.find((o) => o.kind === 'Deployment') as unknown as { spec: { replicas: number } };
    expect(deployment.spec.replicas).toBe(2147483647);
  });

  it('sets a file mode only within 0 to 0777, which is all Kubernetes takes', async () => {
    const p = project(`services:
  web:
    image: nginx
    configs:
      - source: app
        mode: 0644
      - source: other
        mode: 4755
configs:
  app: { content: "a" }
  other: { content: "b" }
`);
    const k8s = convert(p, { target: 'kubernetes' });
    expect(await validateObjects(k8s.objects)).toEqual([]);
    expect(k8s.diagnostics.map((d) => d.code)).toContain('K8S_FILE_MODE');
  });

  it('leaves out extension fields where the stack file version does not allow them, and says so', () => {
    const compose = `services:
  web:
    image: nginx
    x-team: shop
    deploy:
      replicas: 1
      x-note: deploy extensions are never allowed
networks:
  front:
    x-tier: edge
x-top: 1
`;
    for (const [version, expected] of [
      ['3.9', ['SWARM_UNSUPPORTED']],
      ['3.4', ['SWARM_UNSUPPORTED', 'SWARM_VERSION_TOO_OLD', 'SWARM_VERSION_TOO_OLD']],
      ['3.3', ['SWARM_UNSUPPORTED', 'SWARM_VERSION_TOO_OLD', 'SWARM_VERSION_TOO_OLD', 'SWARM_VERSION_TOO_OLD']],
    ] as [SwarmVersion, string[]][]) {
      const swarm = convert(project(compose), { target: 'swarm', version });
      expect(swarmSchemaErrors(swarm.stack), version).toEqual([]);
      expect(swarm.diagnostics.map((d) => d.code).filter((c) => c.startsWith('SWARM_UNSUPPORTED') || c === 'SWARM_VERSION_TOO_OLD').sort(), version).toEqual(expected.sort());
    }
  });
});
