// Reads GET /metrics as Prometheus would, and picks samples out of the text.

/** One scrape's samples: the value of `name` whose labels include `labels`, summed over the series that match. */
export interface Scrape {
  text: string;
  value(name: string, labels?: Record<string, string>): number;
}

export async function scrapeMetrics(url: string, token?: string): Promise<Scrape> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return parseMetrics(await response.text());
}

export function parseMetrics(text: string): Scrape {
  const samples = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map(parseSample);
  return {
    text,
    value: (name, labels = {}) =>
      samples
        .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
        .reduce((sum, s) => sum + s.value, 0),
  };
}

function parseSample(line: string): { name: string; labels: Record<string, string>; value: number } {
  const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
  if (!match) throw new Error(`not a Prometheus sample: ${line}`);
  const labels: Record<string, string> = {};
  for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
  return { name: match[1]!, labels, value: Number(match[3]) };
}
