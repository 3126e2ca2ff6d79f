/**
 * Compose splits a string command without a shell and stops at the first unquoted shell operator; stackport does
 * the same, and says what was left out, since Compose does not.
 */
import { describe, expect, it } from 'vitest';
import { splitCommand, splitCommandLine } from '../../../src/ir/values/shellwords.js';
import { memoryHost } from '../../../src/load/host.js';
import { load } from '../../../src/load/loader.js';

describe('splitCommandLine', () => {
  it('splits on whitespace with quotes and escapes, and has nothing dropped without an operator', () => {
    expect(splitCommandLine(`echo "a b" 'c d' e\\ f`)).toEqual({ ok: true, value: { words: ['echo', 'a b', 'c d', 'e f'] } });
  });

  it('stops at an unquoted ;, &, |, < or >, keeping the word before it and returning the rest', () => {
    expect(splitCommandLine('echo hi && echo bye')).toEqual({ ok: true, value: { words: ['echo', 'hi'], dropped: '&& echo bye' } });
    expect(splitCommandLine('run|tee log')).toEqual({ ok: true, value: { words: ['run'], dropped: '|tee log' } });
    expect(splitCommandLine('echo ">" done')).toEqual({ ok: true, value: { words: ['echo', '>', 'done'] } });
    expect(splitCommand('echo hi; rm x')).toEqual({ ok: true, value: ['echo', 'hi'] });
  });
});

describe('a command string Compose cuts short', () => {
  it('is reported at the key, with the sh -c form to write instead', () => {
    const host = memoryHost({ '/p/compose.yaml': 'services:\n  web:\n    image: alpine\n    command: echo hi && echo bye\n' }, { cwd: '/p' });
    const { project, diagnostics } = load({ host, cwd: '/p', env: {} });
    expect(project!.services.web!.command).toEqual(['echo', 'hi']);
    const cut = diagnostics.find((d) => d.code === 'COMMAND_CUT');
    expect(cut?.severity).toBe('warning');
    expect(cut?.location).toMatchObject({ line: 4 });
    expect(cut?.message).toContain('"&& echo bye" is ignored');
    expect(cut?.hint).toContain('["sh", "-c", "echo hi && echo bye"]');
  });
});
