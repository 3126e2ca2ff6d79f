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

  it('leaves config out before version 3.8, which first has it, with a located warning; keeps it from 3.8', () => {
    const compose = 'services:\n  s:\n    image: app:1\n    configs: [spec]\n    credential_spec:\n      config: spec\nconfigs:\n  spec:\n    file: ./spec.json\n';
    const old = toSwarm(compose, { 'spec.json': '{}' }, { version: '3.7' });
    expect(old.services.s!.credential_spec).toEqual({});
    const d = old.diagnostics.find((x) => x.code === 'SWARM_VERSION_TOO_OLD' && x.message.includes('credential_spec.config'));
    // At the config field itself (line 6).
    expect(d?.location).toMatchObject({ line: 6 });
    expect(swarmSchemaErrors(old.stack)).toEqual([]);
    const current = toSwarm(compose, { 'spec.json': '{}' }, { version: '3.8' });
    expect(current.services.s!.credential_spec).toEqual({ config: 'spec' });
    expect(swarmSchemaErrors(current.stack)).toEqual([]);
  });
});

describe('ulimits', () => {
  it('writes one number for both limits, or both limits', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    ulimits:\n      nproc: 64\n      nofile: {soft: 1024, hard: 2048}\n');
    expect(c.services.s!.ulimits).toEqual({ nofile: { soft: 1024, hard: 2048 }, nproc: 64 });
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });
});
