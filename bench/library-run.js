/**
 * One benchmark child: loads and converts a project `iterations` times in this process (after warm-up runs) and
 * prints the timings and this process's peak RSS as JSON. A child per size keeps peak RSS figures separate.
 * With a fourth argument `render`, each run also renders the conversion to the bytes the CLI would print.
 */
import { performance } from 'node:perf_hooks';
import { convert, load, render } from '../dist/index.js';

const [dir, iterationsText, warmupText, mode] = process.argv.slice(2);
const iterations = Number(iterationsText);
const warmup = Number(warmupText);

function once() {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const { project, diagnostics } = load({ cwd: dir, env: {} });
  if (!project) throw new Error(`load failed: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  const k8s = convert(project, { target: 'kubernetes' });
  if (mode === 'render') render(k8s);
  const cpu = process.cpuUsage(cpuStart);
  return { wall: performance.now() - wallStart, cpu: (cpu.user + cpu.system) / 1000, objects: k8s.objects.length };
}

for (let i = 0; i < warmup; i++) once();
const runs = [];
for (let i = 0; i < iterations; i++) runs.push(once());
process.stdout.write(`${JSON.stringify({ runs, maxRssKb: process.resourceUsage().maxRSS })}\n`);
