/**
 * Preloaded into a CLI benchmark run (`node --import`): at exit, writes the process's CPU time and peak RSS to
 * the file named by STACKPORT_BENCH_RUSAGE. Used only for the CPU/RSS runs; wall-time runs do not load it.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const out = process.env.STACKPORT_BENCH_RUSAGE;
  if (out) writeFileSync(out, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }));
});
