import { describe, expect, it } from 'vitest';
import { reportDiagnostics } from '../../src/cli/report.js';
import { info, warning } from '../../src/diagnostics/diagnostic.js';
import type { CliIo } from '../../src/cli/io.js';

function recordingIo(env: Record<string, string> = {}): CliIo & { writes: string[] } {
  const writes: string[] = [];
  return { writes, stdout() {}, stderr: (t) => void writes.push(t), stderrIsTty: false, env, cwd: '/' };
}

describe('reportDiagnostics', () => {
  const diagnostics = [
    warning('B_CODE', 'second', { file: 'compose.yaml', line: 9, column: 3 }),
    info('A_CODE', 'first', { file: 'compose.yaml', line: 2, column: 5 }),
  ];

  it('writes the whole report, sorted, in one write', () => {
    const io = recordingIo();
    reportDiagnostics(io, diagnostics, { format: 'text', quiet: false }, ['run this next']);
    expect(io.writes).toEqual([
      'compose.yaml:2:5: info A_CODE: first\ncompose.yaml:9:3: warning B_CODE: second\nstackport: run this next\n',
    ]);
  });

  it('writes nothing when there is nothing to say', () => {
    const io = recordingIo();
    reportDiagnostics(io, diagnostics, { format: 'text', quiet: true });
    expect(io.writes).toEqual([]);
  });
});
