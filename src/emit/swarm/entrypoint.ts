/**
 * `entrypoint` and `command` for a Swarm service. Compose reads an empty list as "clear the image's default";
 * `docker stack deploy` passes an empty list on as unset, so the image's ENTRYPOINT (or CMD) would still run. The
 * engine drops the image's CMD whenever the service sets an entrypoint, so an empty entrypoint before a command
 * becomes that command as the entrypoint, and an empty command after an entrypoint is simply left out. What cannot
 * be expressed without knowing the image is reported.
 */
import type { Service } from '../../ir/types.js';
import type { SwarmContext } from './context.js';

/** The service's `entrypoint` and `command` as the stack file writes them (each undefined when not set). */
export function entrypointAndCommand(c: SwarmContext, s: Service): { entrypoint?: string[]; command?: string[] } {
  const entrypoint = s.entrypoint;
  const command = s.command;
  if (entrypoint !== undefined && entrypoint.length === 0) {
    if (command !== undefined && command.length > 0) return { entrypoint: command };
    c.report('warning', 'SWARM_ENTRYPOINT_CLEARED', `services.${s.name}.entrypoint is empty, which clears the image's ENTRYPOINT under Compose; docker stack deploy reads an empty list as unset, so the image's ENTRYPOINT still runs`, s, 'entrypoint', 'set command: to what the container should run; it then replaces the ENTRYPOINT');
    return {};
  }
  if (command !== undefined && command.length === 0) {
    if (entrypoint !== undefined) return { entrypoint };
    c.report('warning', 'SWARM_COMMAND_CLEARED', `services.${s.name}.command is empty, which clears the image's CMD under Compose; docker stack deploy reads an empty list as unset, so the image's CMD still runs as arguments`, s, 'command', "set entrypoint: to the image's ENTRYPOINT; it then runs with no arguments");
    return {};
  }
  const out: { entrypoint?: string[]; command?: string[] } = {};
  if (command !== undefined) out.command = command;
  if (entrypoint !== undefined) out.entrypoint = entrypoint;
  return out;
}
