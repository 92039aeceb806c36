import { cpus, loadavg, totalmem, platform, release } from 'node:os';

/** One line saying what the figures were measured on, and how busy it was with other work when they were. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cores.length} cores, ${memory} GiB RAM, ${platform()} ${release()}, Node ${process.versions.node}, load average ${loadavg()[0]!.toFixed(1)}`;
}
