/**
 * Issue 15 item 7: `--bind-files configmap` keeps two same-named files apart, keeps a script executable, and never
 * writes a ConfigMap the API server would refuse for its size.
 */
import { describe, expect, it } from 'vitest';
import { find, ofKind, podSpec, projectToKubernetes, withCode } from './convert.js';

const convertWithBindFiles = (files: Record<string, string>, executables: string[] = []) =>
  projectToKubernetes(files, { bindFiles: 'configmap' }, { executables, loadBindFiles: true });

describe('--bind-files configmap', () => {
  it('gives two bound files with one base name a ConfigMap each', () => {
    const result = convertWithBindFiles({
      '/p/compose.yaml': 'services:\n  app:\n    image: busybox\n    volumes: ["./prod/settings.json:/etc/prod.json", "./dev/settings.json:/etc/dev.json"]\n',
      '/p/prod/settings.json': '{"env":"prod"}',
      '/p/dev/settings.json': '{"env":"dev"}',
    });
    const maps = ofKind(result, 'ConfigMap');
    expect(maps).toHaveLength(2);
    expect(maps.map((m) => Object.values(m.data as Record<string, string>)[0]).sort()).toEqual(['{"env":"dev"}', '{"env":"prod"}']);
    const pod = podSpec(find(result, 'Deployment', 'app'));
    const volumes = pod.volumes as { configMap: { name: string } }[];
    expect(new Set(volumes.map((v) => v.configMap.name)).size).toBe(2);
  });

  it('keeps a bound script executable', () => {
    const result = convertWithBindFiles({
      '/p/compose.yaml': 'services:\n  app:\n    image: busybox\n    volumes: ["./entry.sh:/entry.sh", "./conf.txt:/conf.txt"]\n',
      '/p/entry.sh': '#!/bin/sh\necho hi\n',
      '/p/conf.txt': 'x',
    }, ['/p/entry.sh']);
    const volumes = podSpec(find(result, 'Deployment', 'app')).volumes as { configMap: { name: string; defaultMode?: number } }[];
    const modes = Object.fromEntries(volumes.map((v) => [v.configMap.name, v.configMap.defaultMode]));
    expect(modes).toEqual({ 'app-conf-txt': undefined, 'app-entry-sh': 0o755 });
  });

  it('leaves a file over 1 MiB a hostPath volume, with a warning', () => {
    const result = convertWithBindFiles({
      '/p/compose.yaml': 'services:\n  app:\n    image: busybox\n    volumes: ["./big.txt:/big.txt"]\n',
      '/p/big.txt': 'x'.repeat(1024 * 1024 + 1),
    });
    expect(ofKind(result, 'ConfigMap')).toEqual([]);
    expect(withCode(result, 'K8S_CONFIGMAP_TOO_LARGE')).toHaveLength(1);
    const volumes = podSpec(find(result, 'Deployment', 'app')).volumes as { hostPath?: unknown }[];
    expect(volumes[0]!.hostPath).toBeDefined();
  });
});
