/**
 * An empty output deserves a reason: when no service is enabled (every one sits in a profile nobody enabled),
 * both emitters say so instead of printing nothing without a word.
 */
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { entryLocation } from '../diagnostics/locations.js';
import type { Project } from '../ir/types.js';
import { sortedNames } from '../util/strings.js';

/** The warning for a project with no enabled service, or undefined when there is something to convert. */
export function noServicesWarning(project: Project): Diagnostic | undefined {
  if (Object.keys(project.services).length > 0) return undefined;
  const disabled = sortedNames(project.disabled_services);
  if (disabled.length === 0) return warning('NO_SERVICES', 'the project defines no services: there is nothing to convert');
  const first = project.disabled_services[disabled[0]!]!;
  const profiles = [...new Set(disabled.flatMap((name) => project.disabled_services[name]!.profiles ?? []))].sort();
  return warning(
    'NO_SERVICES',
    `no service is enabled: ${disabled.join(', ')} ${disabled.length === 1 ? 'is' : 'are'} only in profile${profiles.length === 1 ? '' : 's'} ${profiles.join(', ')}`,
    entryLocation(first, 'profiles'),
    `enable one with --profile ${profiles[0] ?? 'NAME'} or COMPOSE_PROFILES`,
  );
}
