/**
 * Issue 15 item 13: two mounts of one secret with different modes keep both modes; env-file variables named like
 * credentials, which land in a plain ConfigMap, are reported by name.
 */
import { describe, expect, it } from 'vitest';
import { find, podSpec, projectToKubernetes, withCode } from './convert.js';

const convertFiles = (files: Record<string, string>) => projectToKubernetes(files);

describe('secret files', () => {
  it('gives each mode of one secret its own volume', () => {
    const result = convertFiles({
      '/p/compose.yaml': `
services:
  app:
    image: busybox
    secrets:
      - {source: s, target: /run/a, mode: 0400}
      - {source: s, target: /run/b, mode: 0444}
secrets:
  s: {file: ./s.txt}
`,
      '/p/s.txt': 'pw',
    });
    const pod = podSpec(find(result, 'Deployment', 'app'));
    const volumes = pod.volumes as { name: string; secret: { items: { mode: number }[] } }[];
    const mounts = (pod.containers as { volumeMounts: { mountPath: string; name: string }[] }[])[0]!.volumeMounts;
    const modeAt = (path: string) => volumes.find((v) => v.name === mounts.find((m) => m.mountPath === path)!.name)!.secret.items[0]!.mode;
    expect(modeAt('/run/a')).toBe(0o400);
    expect(modeAt('/run/b')).toBe(0o444);
  });

  it('reports env-file variables named like credentials, never their values', () => {
    const result = convertFiles({
      '/p/compose.yaml': 'services:\n  app: {image: busybox, env_file: [app.env]}\n',
      '/p/app.env': 'DB_PASSWORD=hunter2\nAPI_TOKEN=abc\nLEVEL=debug\n',
    });
    const [warning] = withCode(result, 'K8S_ENV_FILE_SECRET');
    expect(warning?.message).toContain('API_TOKEN, DB_PASSWORD');
    expect(warning?.message).not.toContain('LEVEL');
    expect(JSON.stringify(result.diagnostics)).not.toContain('hunter2');
  });
});
