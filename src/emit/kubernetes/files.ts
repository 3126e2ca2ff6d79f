/**
 * Compose secrets and configs as Secrets and ConfigMaps. Secret values stay out of manifests unless
 * `--secrets inline` asks for them: by default the workload references the Secret and stackport says how to create
 * it. External secrets and configs are referenced and never emitted.
 */
import { sortedNames } from '../../util/strings.js';
import type { KubeContext } from './context.js';
import { configMapOf, dnsKey, fileObjectName } from './storage.js';
import type { ConfigMap, Secret } from './types.js';

/** Secrets (inline mode) and ConfigMaps for every used, non-external secret and config. */
export function secretAndConfigObjects(c: KubeContext): (ConfigMap | Secret)[] {
  const out: (ConfigMap | Secret)[] = [];
  const used = (kind: 'secrets' | 'configs') =>
    new Set(Object.values(c.project.services).flatMap((s) => s[kind].map((r) => r.source)));
  const usedSecrets = used('secrets');
  for (const key of sortedNames(c.project.secrets)) {
    const s = c.project.secrets[key]!;
    if (s.external || !usedSecrets.has(key)) continue;
    const name = fileObjectName(c, 'secret', key);
    const dataKey = dnsKey(key);
    if (c.options.secrets === 'inline') {
      if (s.content === undefined) {
        c.report('warning', 'K8S_SECRET_EMPTY', `secrets.${key} has no value to inline (its file or variable could not be read)`, s, 'name');
        continue;
      }
      out.push({ apiVersion: 'v1', data: { [dataKey]: Buffer.from(s.content.reveal()).toString('base64') }, kind: 'Secret', metadata: c.metadata(name, undefined), type: 'Opaque' });
      continue;
    }
    c.secretSources.push({
      metadata: c.metadata(name, undefined),
      key: dataKey,
      ...(s.file !== undefined ? { file: s.file } : {}),
      ...(s.environment !== undefined ? { environment: s.environment } : {}),
    });
    const from = s.file !== undefined ? `--from-file=${dataKey}=${s.file}` : s.environment !== undefined ? `--from-literal=${dataKey}="$${s.environment}"` : undefined;
    c.report(
      'info',
      'K8S_SECRET_REFERENCE',
      `secrets.${key} is referenced as the Secret ${name}, which is not written to the manifests; create it with: kubectl create secret generic ${name} ${from ?? `--from-file=${dataKey}=FILE`}${c.options.namespace ? ` -n ${c.options.namespace}` : ''}`,
      s,
      'name',
      'or pass --secrets inline to embed the value',
    );
  }
  const usedConfigs = used('configs');
  for (const key of sortedNames(c.project.configs)) {
    const cfg = c.project.configs[key]!;
    if (cfg.external || !usedConfigs.has(key)) continue;
    const content = cfg.file_content ?? cfg.content;
    if (content === undefined) {
      c.report('warning', 'K8S_CONFIG_EMPTY', `configs.${key} has no content (its file or variable could not be read); the ConfigMap is empty`, cfg, 'name');
    }
    out.push(configMapOf(c, fileObjectName(c, 'config', key), undefined, dnsKey(key), content ?? ''));
  }
  return out;
}
