/**
 * Issue 15 item 12: Kubernetes expands `$(VAR)` and turns `$$` into `$` in command, args and env values; Compose
 * passes them on as written. The emitter escapes so the container receives Compose's exact strings.
 */
import { describe, expect, it } from 'vitest';
import { escapeExpansion } from '../../../../src/emit/kubernetes/container.js';
import { find, firstContainer, toKubernetes } from './convert.js';

/** What the kubelet makes of a string: `$$` -> `$`, `$(NAME)` -> the value of NAME when it is defined. */
function kubeletExpand(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string | undefined) => (name === undefined ? '$' : env[name] ?? m));
}

describe('$ in values', () => {
  it('escapes $( and $$ in env values, command and args so the container gets Compose’s strings', () => {
    // Compose's own interpolation turns `$$` into `$`: these are the strings the container sees under Compose.
    const result = toKubernetes(`
services:
  app:
    image: busybox
    entrypoint: ["/bin/sh", "-c"]
    command: ["echo $$(PRICE) $$$$ $$HOME"]
    environment:
      PRICE: "12"
      TEMPLATE: "cost $$(PRICE) and $$$$"
      PLAIN: "no dollar"
`);
    const c = firstContainer(find(result, 'Deployment', 'app'));
    const env = Object.fromEntries((c.env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
    const defined = { PRICE: '12' };
    expect(kubeletExpand(env.TEMPLATE!, defined)).toBe('cost $(PRICE) and $$');
    expect(env.PLAIN).toBe('no dollar');
    expect(kubeletExpand((c.args as string[])[0]!, defined)).toBe('echo $(PRICE) $$ $HOME');
  });

  it('leaves a lone $ before anything else as it is, and round-trips every mix of $, $( and $$', () => {
    expect(escapeExpansion('$HOME and ${X} and 5$')).toBe('$HOME and ${X} and 5$');
    expect(escapeExpansion('$(A)')).toBe('$$(A)');
    const pieces = ['$', '$$', '$(A)', '(', 'x', '$$$(B)', ')'];
    for (let a = 0; a < pieces.length; a++) {
      for (let b = 0; b < pieces.length; b++) {
        for (let d = 0; d < pieces.length; d++) {
          const value = pieces[a]! + pieces[b]! + pieces[d]!;
          expect(kubeletExpand(escapeExpansion(value), { A: 'a', B: 'b' }), value).toBe(value);
        }
      }
    }
  });
});
