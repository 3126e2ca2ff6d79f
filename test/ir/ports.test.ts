/**
 * Port values that no orchestrator can route: container port 0 and malformed `expose` entries are located errors
 * (both found by fuzzing), while the forms Compose accepts normalize as it does.
 */
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../../src/load/host.js';
import { load } from '../../src/load/loader.js';
import { parsePortSpec } from '../../src/ir/values/ports.js';

function diagnose(service: string) {
  const host = memoryHost({ '/p/compose.yaml': `services:\n  web:\n    image: nginx\n${service}` }, { cwd: '/p' });
  return load({ host, cwd: '/p', env: {} }).diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`);
}

describe('ports', () => {
  it('refuses container port 0 and accepts host port 0 (any free port)', () => {
    expect(parsePortSpec(0).ok).toBe(false);
    expect(parsePortSpec('8080:0').ok).toBe(false);
    expect(parsePortSpec('0:80')).toMatchObject({ ok: true, value: [{ target: 80, published: '0' }] });
    expect(diagnose('    ports: [0]\n')).toEqual(['4:13 PORT_INVALID']);
  });

  it('accepts expose entries Compose accepts and refuses the rest at their position', () => {
    expect(diagnose('    expose: ["80", 9100, "7000-7002/udp", "5000/SCTP"]\n')).toEqual([]);
    expect(diagnose('    expose:\n      - "80"\n      - "5432/xyz"\n      - "0"\n      - "9-8"\n')).toEqual([
      '6:9 PORT_INVALID',
      '7:9 PORT_INVALID',
      '8:9 PORT_INVALID',
    ]);
  });
});

describe('long-syntax ports', () => {
  it('refuses a protocol other than tcp, udp or sctp at its position (fuzz finding)', () => {
    expect(diagnose('    ports:\n      - target: 80\n        protocol: quic\n')).toEqual(['6:19 PORT_INVALID']);
    expect(diagnose('    ports:\n      - target: 80\n        protocol: UDP\n')).toEqual([]);
  });
});
