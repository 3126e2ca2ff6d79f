/**
 * `entrypoint` and `command` as the container's `command` and `args`. Compose's `entrypoint` replaces the image's
 * ENTRYPOINT and `command` its CMD, as Kubernetes' `command` and `args` do, with one difference: Compose reads an
 * empty list as "clear the image's default", while Kubernetes reads an empty list as "not set" and keeps the
 * image's. An empty list is therefore never written; when the other key is known, the container's `command` is set
 * so the image's defaults do not run; when it is not, a warning says what differs.
 */
import type { Service } from '../../ir/types.js';
import type { KubeContext } from './context.js';

/** The container's `command` and `args` (each undefined when not set), escaped for Kubernetes' `$(VAR)` expansion. */
export function commandAndArgs(c: KubeContext, s: Service, escape: (args: string[]) => string[]): { command?: string[]; args?: string[] } {
  const entrypoint = s.entrypoint;
  const cmd = s.command;
  if (entrypoint !== undefined && entrypoint.length === 0) {
    // The image's ENTRYPOINT is cleared, so the command runs on its own: it becomes the container's command.
    if (cmd !== undefined && cmd.length > 0) return { command: escape(cmd) };
    c.report('warning', 'K8S_ENTRYPOINT_CLEARED', `services.${s.name}.entrypoint is empty, which clears the image's ENTRYPOINT under Compose; Kubernetes cannot clear it without a command to run instead, so the image's ENTRYPOINT still runs`, s, 'entrypoint', "set command: to what the container should run (the image's CMD) and it becomes the container's command");
    return {};
  }
  if (cmd !== undefined && cmd.length === 0) {
    // Setting only `command` makes Kubernetes ignore the image's CMD, which is what the empty list asks for.
    if (entrypoint !== undefined) return { command: escape(entrypoint) };
    c.report('warning', 'K8S_COMMAND_CLEARED', `services.${s.name}.command is empty, which clears the image's CMD under Compose; Kubernetes reads an empty list as unset, so the image's CMD still runs as arguments`, s, 'command', "set entrypoint: to the image's ENTRYPOINT; its command then runs with no arguments");
    return {};
  }
  const out: { command?: string[]; args?: string[] } = {};
  if (cmd !== undefined) out.args = escape(cmd);
  if (entrypoint !== undefined) out.command = escape(entrypoint);
  return out;
}
