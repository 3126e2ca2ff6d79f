/**
 * `entrypoint` and `command` as Swarm runs them. Docker Compose hands both to the engine, which runs
 * `entrypoint + command`, takes the image's ENTRYPOINT when `entrypoint` is unset, and takes the image's CMD when
 * the resulting entrypoint is empty and `command` is empty. So `entrypoint: []` clears the image's ENTRYPOINT, and
 * `command: []` changes nothing. A Swarm service cannot say "no entrypoint": an empty `entrypoint` in a stack file
 * means "the image's". The one case Swarm can express, `entrypoint: []` with a command, becomes an entrypoint that
 * is that command.
 */
import type { Service } from '../../ir/types.js';
import type { SwarmContext } from './context.js';
import type { SwarmService } from './stack-types.js';

/** The stack file's `entrypoint` and `command` for a service. */
export function processFields(c: SwarmContext, s: Service): Pick<SwarmService, 'entrypoint' | 'command'> {
  const command = s.command !== undefined && s.command.length > 0 ? s.command : undefined;
  if (s.entrypoint === undefined) return command ? { command } : {};
  if (s.entrypoint.length > 0) return command ? { entrypoint: s.entrypoint, command } : { entrypoint: s.entrypoint };
  if (command) return { entrypoint: command };
  c.report(
    'warning',
    'SWARM_ENTRYPOINT_CLEARED',
    `services.${s.name}.entrypoint is empty, which makes Docker Compose run the image's CMD without its ENTRYPOINT; a Swarm service cannot clear the image's ENTRYPOINT, so it would run both`,
    s,
    'entrypoint',
    "write the image's CMD as command: (stackport then makes it the entrypoint)",
  );
  return {};
}
