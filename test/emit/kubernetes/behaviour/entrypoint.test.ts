/**
 * Issue 15 item 5: Compose reads an empty `entrypoint` or `command` as "clear the image's default"; Kubernetes
 * reads an empty list as unset. The container's `command` is set so the image's default does not run, or a
 * located warning says it still does.
 */
import { describe, expect, it } from 'vitest';
import { find, firstContainer, toKubernetes, withCode } from './convert.js';

function run(service: string) {
  const result = toKubernetes(`services:\n  app: ${service}\n`);
  const c = firstContainer(find(result, 'Deployment', 'app'));
  return { command: c.command, args: c.args, result };
}

describe('entrypoint and command', () => {
  it('runs the command alone when the entrypoint is cleared', () => {
    const r = run('{image: app, entrypoint: [], command: [python, serve.py]}');
    expect(r.command).toEqual(['python', 'serve.py']);
    expect(r.args).toBeUndefined();
    expect(r.result.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });

  it("warns where a cleared entrypoint has no command to run instead (the image's ENTRYPOINT still runs)", () => {
    const r = run('{image: app, entrypoint: ""}');
    expect(r.command).toBeUndefined();
    expect(r.args).toBeUndefined();
    const [warning] = withCode(r.result, 'K8S_ENTRYPOINT_CLEARED');
    expect(warning?.severity).toBe('warning');
    expect(warning?.location?.line).toBe(2);
  });

  it('runs the entrypoint with no arguments when the command is cleared', () => {
    const r = run('{image: app, entrypoint: [/docker-entrypoint.sh], command: []}');
    expect(r.command).toEqual(['/docker-entrypoint.sh']);
    expect(r.args).toBeUndefined();
  });

  it("warns where a cleared command leaves the image's CMD running", () => {
    const r = run('{image: app, command: []}');
    expect(r.args).toBeUndefined();
    expect(withCode(r.result, 'K8S_COMMAND_CLEARED')).toHaveLength(1);
  });

  it('maps ordinary values as before: entrypoint to command, command to args', () => {
    const r = run('{image: app, entrypoint: [tini, --], command: [serve]}');
    expect(r.command).toEqual(['tini', '--']);
    expect(r.args).toEqual(['serve']);
    expect(JSON.stringify(r.result.objects)).not.toContain('"command":[]');
  });
});
