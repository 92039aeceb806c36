import { cpus, totalmem, platform, release } from 'node:os';

/** One line saying what the figures were measured on. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cores.length} cores, ${memory} GiB RAM, ${platform()} ${release()}, Node ${process.versions.node}`;
}
