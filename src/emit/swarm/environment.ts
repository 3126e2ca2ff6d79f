/**
 * The container environment for Swarm. Values are written resolved, as Compose resolved them. One rule of
 * `docker stack deploy` gets in the way: it replaces every variable whose value is empty or missing with the value
 * of the same variable in the deploying shell, when that shell has one. Compose does not: a bare `- FOO` that the
 * project did not resolve stays unset, and `FOO: ""` stays empty. So an unset variable is left out of the stack
 * file (the container then lacks it, as under Compose, unless the image itself sets it), and an empty value, which
 * the stack format cannot protect, is reported with the command that deploys it safely.
 */
import type { Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import type { SwarmContext } from './context.js';
import type { SwarmService } from './stack-types.js';

/** `environment` (and `env_file` with --keep-env-files) of a stack service. */
export function environmentFields(c: SwarmContext, s: Service): Pick<SwarmService, 'environment' | 'env_file'> {
  const out: Pick<SwarmService, 'environment' | 'env_file'> = {};
  const source = c.options.keepEnvFiles ? s.environment_declared : s.environment;
  const env: Record<string, string> = {};
  const unset: string[] = [];
  const empty: string[] = [];
  for (const key of sortedNames(source)) {
    const value = source[key]!;
    if (value === null) {
      unset.push(key);
      continue;
    }
    if (value === '') empty.push(key);
    Object.defineProperty(env, key, { value, enumerable: true, writable: true, configurable: true });
  }
  if (Object.keys(env).length > 0) out.environment = env;
  if (unset.length > 0) {
    c.report('info', 'SWARM_ENV_UNSET', `services.${s.name}.environment: ${unset.join(', ')} ${unset.length === 1 ? 'has' : 'have'} no value, so Docker Compose leaves ${unset.length === 1 ? 'it' : 'them'} unset; left out of the stack file, because docker stack deploy would fill ${unset.length === 1 ? 'it' : 'them'} from the deploying shell`, s, 'environment');
  }
  if (empty.length > 0) {
    c.report(
      'warning',
      'SWARM_ENV_EMPTY',
      `services.${s.name}.environment: ${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty, but docker stack deploy replaces an empty value with the deploying shell's value of the same variable when it has one`,
      s,
      'environment',
      `deploy without ${empty.length === 1 ? 'it' : 'them'} in the environment: env ${empty.map((k) => `-u ${k}`).join(' ')} docker stack deploy ...`,
    );
  }
  if (c.options.keepEnvFiles && s.env_file.length > 0) {
    out.env_file = s.env_file.map((f) => c.path(f.path));
    c.report('info', 'SWARM_ENV_FILE_KEPT', `services.${s.name}.env_file: docker stack deploy reads env files literally (no quotes, no interpolation, no export)`, s, 'env_file');
  }
  return out;
}
