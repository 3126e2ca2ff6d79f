import { describe, expect, it } from 'vitest';
import { mergeModels, mergeService, stripMarkers } from '../../../src/load/merge/merge.js';
import { enforceUnicity } from '../../../src/load/merge/unicity.js';
import { entryLocation } from '../../../src/diagnostics/locations.js';
import { parseComposeYaml } from '../../../src/parse/index.js';

function doc(text: string, file = 'compose.yaml'): unknown {
  const parsed = parseComposeYaml(text, file);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.documents[0]!.value;
}
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('mergeModels', () => {
  it('removes a base entry with !reset and replaces one whole with !override', () => {
    const base = stripMarkers(doc('services:\n  web:\n    image: a\n    ports: ["80:80"]\n    environment: {A: "1", B: "2"}\n    networks: {front: {aliases: [x]}}\n'));
    const over = doc('services:\n  web:\n    ports: !reset []\n    environment:\n      A: !reset\n    networks: !override {back: {}}\n');
    const merged = mergeModels(base, over);
    expect(merged.diagnostics).toEqual([]);
    expect(plain(merged.value)).toEqual({ services: { web: { image: 'a', environment: ['B=2'], networks: { back: {} } } } });
  });

  it('keeps the base value when the override is null', () => {
    const merged = mergeModels(doc('services:\n  web:\n    image: a\n'), doc('services:\n  web:\n    image:\n'));
    expect(plain(merged.value)).toEqual({ services: { web: { image: 'a' } } });
  });

  it('replaces command, entrypoint and healthcheck.test, and ulimits entries whole', () => {
    const merged = mergeModels(
      doc('services:\n  w:\n    command: [a, b]\n    healthcheck: {test: [CMD, x], retries: 3}\n    ulimits: {nofile: {soft: 1, hard: 2}}\n'),
      doc('services:\n  w:\n    command: [c]\n    healthcheck: {test: [CMD, y]}\n    ulimits: {nofile: {soft: 5, hard: 6}}\n'),
    );
    expect(plain(merged.value)).toEqual({
      services: { w: { command: ['c'], healthcheck: { test: ['CMD', 'y'], retries: 3 }, ulimits: { nofile: { soft: 5, hard: 6 } } } },
    });
  });

  it('reports a mapping merged onto a sequence where the override wrote it', () => {
    const merged = mergeModels(doc('services:\n  w:\n    cap_add: [A]\n'), doc('services:\n  w:\n    cap_add: {A: 1}\n', 'override.yaml'));
    expect(merged.diagnostics).toMatchObject([
      { code: 'MERGE_CONFLICT', message: expect.stringContaining('services.w.cap_add'), location: { file: 'override.yaml', line: 3 } },
    ]);
  });

  it('keeps each value\'s position from the file that supplied it', () => {
    const merged = mergeModels(doc('services:\n  w:\n    image: a\n    user: root\n', 'base.yaml'), doc('services:\n  w:\n    image: b\n', 'over.yaml'));
    const w = (merged.value as { services: { w: object } }).services.w;
    expect(entryLocation(w, 'image')).toMatchObject({ file: 'over.yaml', line: 3 });
    expect(entryLocation(w, 'user')).toMatchObject({ file: 'base.yaml', line: 4 });
  });

  it('never mutates its inputs', () => {
    const base = doc('services:\n  w:\n    environment: {A: "1"}\n    ports: ["1:1"]\n');
    const over = doc('services:\n  w:\n    environment: {B: "2"}\n    ports: ["2:2"]\n');
    const before = [JSON.stringify(base), JSON.stringify(over)];
    mergeModels(base, over);
    expect([JSON.stringify(base), JSON.stringify(over)]).toEqual(before);
  });

  it('merges a service for extends with the same rules', () => {
    const merged = mergeService(
      doc('image: a\nenvironment: [A=1]\nvolumes: ["./x:/x"]\n'),
      doc('environment: [A=2]\nvolumes: ["./y:/x"]\n'),
      'web',
    );
    expect(plain(enforceUnicity({ services: { web: merged.value } }))).toEqual({
      services: { web: { image: 'a', environment: ['A=2'], volumes: ['./y:/x'] } },
    });
  });
});

describe('enforceUnicity (compose-go uncity_test)', () => {
  const service = (field: string, list: unknown[]) => plain(enforceUnicity({ services: { s: { [field]: list } } })).services.s[field];
  it('environment: first position, last value', () => {
    expect(service('environment', ['FOO=BAR', 'BAR=QIX', 'QIX=', 'ZOT', 'FOO=ZOT', 'QIX', 'ZOT='])).toEqual(['FOO=ZOT', 'BAR=QIX', 'QIX', 'ZOT=']);
  });
  it('volumes by target', () => {
    expect(service('volumes', ['.:/foo', 'foo:/bar', 'src:/foo'])).toEqual(['src:/foo', 'foo:/bar']);
  });
  it('short ports only when identical', () => {
    expect(service('ports', ['9080:80', '9081:81', '9080:80', '5000', '6060:6060/udp', '9080:6060/udp'])).toEqual([
      '9080:80', '9081:81', '5000', '6060:6060/udp', '9080:6060/udp',
    ]);
  });
  it('long ports by ip:published:target/protocol', () => {
    const ports = [
      { target: 80, host_ip: '127.0.0.1', published: '8080', protocol: 'tcp', mode: 'host' },
      { target: 81, published: '8080', protocol: 'tcp' },
      { target: 80, host_ip: '127.0.0.2', published: '8080', protocol: 'tcp' },
      { target: 81, published: '8080', protocol: 'tcp' },
    ];
    expect(service('ports', ports)).toEqual(ports.slice(0, 3));
  });
  it('returns the same model when there is nothing to remove', () => {
    const model = { services: { s: { environment: ['A=1', 'B=2'], ports: ['80'] } } };
    expect(enforceUnicity(model)).toBe(model);
  });
});
