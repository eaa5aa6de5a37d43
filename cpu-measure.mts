// Runs `npx vitest run` in a folder, watching every process: wall, CPU by process name.
import { runWatched } from '/work/main/src/bench/proc.ts';
const dir = process.argv[2]!;
const run = await runWatched('npx', ['vitest', 'run'], { cwd: dir, logFile: `${dir}.vitest.log` });
const byName = new Map<string, number>();
for (const p of run.tree.processes) byName.set(p.name, (byName.get(p.name) ?? 0) + p.cpuSeconds);
console.log(JSON.stringify({ dir, wall: run.seconds, cpu: [...byName].sort((a, b) => b[1] - a[1]).map(([n, s]) => `${n} ${s.toFixed(1)}`) }));
