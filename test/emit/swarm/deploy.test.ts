/**
 * deploy settings that docker stack deploy treats differently from docker compose up (src/emit/swarm/deploy.ts).
 */
import { describe, expect, it } from 'vitest';
import { swarmSchemaErrors } from '../../helpers/swarm-schema.js';
import { toSwarm } from './helpers.js';

describe('mode: global with replicas', () => {
  it.each([
    ['deploy.replicas', '    deploy:\n      mode: global\n      replicas: 3\n', 'deploy.replicas 3'],
    ['scale', '    scale: 2\n    deploy:\n      mode: global\n', 'scale 2'],
    ['mode global-job', '    deploy:\n      mode: global-job\n      replicas: 2\n', 'deploy.replicas 2'],
  ])('leaves replicas out (docker stack deploy rejects it) and warns at deploy: %s', (_, fields, says) => {
    const c = toSwarm(`services:\n  s:\n    image: app:1\n${fields}`);
    expect(c.services.s!.deploy).not.toHaveProperty('replicas');
    expect(c.services.s!.deploy?.mode).toMatch(/^global/);
    const d = c.diagnostics.find((x) => x.code === 'SWARM_GLOBAL_REPLICAS');
    expect(d).toMatchObject({ severity: 'warning' });
    expect(d?.message).toContain(says);
    // The deploy mapping's first line (a block value is located where it starts).
    const deployLine = fields.split('\n').findIndex((l) => l.trim() === 'deploy:') + 5;
    expect(d?.location).toMatchObject({ line: deployLine });
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });

  it('keeps replicas of a replicated service without a report', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    deploy:\n      mode: replicated\n      replicas: 3\n');
    expect(c.services.s!.deploy?.replicas).toBe(3);
    expect(c.diagnostics.map((d) => d.code)).not.toContain('SWARM_GLOBAL_REPLICAS');
  });
});
