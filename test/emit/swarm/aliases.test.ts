/**
 * Names Compose resolves that Swarm only resolves as network aliases: link aliases and container_name
 * (src/emit/swarm/aliases.ts).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { dockerStackConfig, haveDockerStackConfig } from '../../helpers/docker-stack-config.js';
import { swarmSchemaErrors } from '../../helpers/swarm-schema.js';
import { codes, toSwarm } from './helpers.js';

function acceptedByDocker(stack: unknown): void {
  expect(swarmSchemaErrors(stack)).toEqual([]);
  if (!haveDockerStackConfig()) return;
  const r = dockerStackConfig(stringify(stack), mkdtempSync(join(tmpdir(), 'stackport-aliases-')));
  expect(r.ok, r.output).toBe(true);
}

describe('links with an alias', () => {
  it('adds the alias to the linked service on the default network, with an info at links', () => {
    const c = toSwarm('services:\n  web:\n    image: app:1\n    links:\n      - "db:database"\n      - cache\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n');
    expect(c.services.db!.networks).toEqual({ default: { aliases: ['database'] } });
    expect(c.services.cache).not.toHaveProperty('networks');
    expect(c.services.web).not.toHaveProperty('links');
    const d = c.diagnostics.find((x) => x.code === 'SWARM_LINK_ALIAS');
    expect(d).toMatchObject({ severity: 'info', location: { line: 5 } });
    expect(d?.message).toContain('database becomes a network alias of db on default');
    expect(d?.message).toContain('cache is reached by its service name');
    // Only the start order links imply is reported as unsupported (as depends_on).
    expect(c.diagnostics.filter((x) => x.code === 'SWARM_UNSUPPORTED').map((x) => x.message)).toEqual([expect.stringContaining('depends_on')]);
    acceptedByDocker(c.stack);
  });

  it('adds it on every network of the linked service, after the aliases written there', () => {
    const c = toSwarm('services:\n  web:\n    image: app:1\n    networks: [front]\n    links: ["db:database"]\n  db:\n    image: postgres:16\n    networks:\n      front:\n        aliases: [pg]\n      back: {}\nnetworks:\n  front: {}\n  back: {}\n');
    expect(c.services.db!.networks).toEqual({ back: { aliases: ['database'] }, front: { aliases: ['pg', 'database'] } });
    acceptedByDocker(c.stack);
  });

  it('warns when the linked service has no networks to carry the alias', () => {
    const c = toSwarm('services:\n  web:\n    image: app:1\n    links: ["db:database"]\n  db:\n    image: postgres:16\n    network_mode: host\n');
    const d = c.diagnostics.find((x) => x.code === 'SWARM_UNSUPPORTED' && x.message.includes('links'));
    expect(d).toMatchObject({ severity: 'warning', location: { line: 4 } });
  });
});

describe('container_name', () => {
  it('becomes a network alias of its service, with an info at container_name', () => {
    const c = toSwarm('services:\n  db:\n    image: postgres:16\n    container_name: my-postgres\n');
    expect(c.services.db!.networks).toEqual({ default: { aliases: ['my-postgres'] } });
    expect(c.services.db).not.toHaveProperty('container_name');
    const d = c.diagnostics.find((x) => x.code === 'SWARM_CONTAINER_NAME');
    expect(d).toMatchObject({ severity: 'info', location: { line: 4 } });
    expect(d?.message).toContain('my-postgres becomes a network alias of db on default');
    expect(codes(c)).not.toContain('SWARM_UNSUPPORTED');
    acceptedByDocker(c.stack);
  });
});
