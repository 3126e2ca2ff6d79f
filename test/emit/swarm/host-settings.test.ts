/**
 * Settings of the container's host that the stack file keeps under the same names (src/emit/swarm/host-settings.ts).
 */
import { describe, expect, it } from 'vitest';
import { swarmSchemaErrors } from '../../helpers/swarm-schema.js';
import { codes, toSwarm } from './helpers.js';

describe('credential_spec', () => {
  it('keeps its fields and leaves out x- fields, which docker/cli rejects there, with a warning at credential_spec', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    credential_spec:\n      file: spec.json\n      x-note: mine\n');
    expect(c.services.s!.credential_spec).toEqual({ file: 'spec.json' });
    expect(codes(c)).toContain('SWARM_UNSUPPORTED');
    const d = c.diagnostics.find((x) => x.code === 'SWARM_UNSUPPORTED');
    expect(d?.message).toContain('x-note');
    expect(d?.location).toMatchObject({ line: 5 });
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });
});

describe('ulimits', () => {
  it('writes one number for both limits, or both limits', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    ulimits:\n      nproc: 64\n      nofile: {soft: 1024, hard: 2048}\n');
    expect(c.services.s!.ulimits).toEqual({ nofile: { soft: 1024, hard: 2048 }, nproc: 64 });
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });
});
