import { locales, type Locale } from '../core/i18n/locale.ts';
import { createIntentClassifier } from '../core/understanding/createIntentClassifier.ts';
import { loadIntentCorpus } from '../core/understanding/loadIntentCorpus.ts';
import type { IntentCorpus } from '../core/understanding/understandingPorts.ts';
import { heldOut, offTopic } from '../test/core/understanding/heldOutPhrasings.ts';

const TRAININGS = 20;
const ROUNDS = 20;

export interface Timing {
  /** Milliseconds: the median of the repetitions. */
  medianMs: number;
  p99Ms: number;
}

export interface UnderstandingBenchResult {
  messages: number;
  training: { classifier: Timing; lookup: Timing };
  perMessage: { classifier: Timing; lookup: Timing };
}

/**
 * What understanding typed text costs: training the classifier at start-up,
 * and classifying one message, each beside a plain lookup table of the same
 * corpus (the cheapest thing that could answer "balance") in the same run.
 */
export async function benchUnderstanding(): Promise<UnderstandingBenchResult> {
  const corpus = loadIntentCorpus();
  const texts = locales.flatMap((locale) => [
    ...heldOut[locale].map(([text]): [Locale, string] => [locale, text]),
    ...offTopic[locale].map((text): [Locale, string] => [locale, text]),
  ]);
  const trainingMs: number[] = [];
  const lookupBuildMs: number[] = [];
  for (let i = 0; i < TRAININGS; i += 1) {
    trainingMs.push(await timed(() => createIntentClassifier(corpus).ready));
    lookupBuildMs.push(await timed(async () => void lookupTable(corpus)));
  }
  const classifier = createIntentClassifier(corpus);
  await classifier.ready;
  const table = lookupTable(corpus);
  const classifyMs: number[] = [];
  const lookupMs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [locale, text] of texts) {
      classifyMs.push(await timed(() => classifier.understand(text, locale)));
      lookupMs.push(await timed(async () => void table.get(`${locale}:${plain(text)}`)));
    }
  }
  return {
    messages: texts.length,
    training: { classifier: timing(trainingMs), lookup: timing(lookupBuildMs) },
    perMessage: { classifier: timing(classifyMs), lookup: timing(lookupMs) },
  };
}

function lookupTable(corpus: IntentCorpus): Map<string, string> {
  const table = new Map<string, string>();
  for (const locale of locales)
    for (const [intent, utterances] of Object.entries(corpus[locale]))
      for (const utterance of utterances) table.set(`${locale}:${plain(utterance)}`, intent);
  return table;
}

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[?!.,]/g, '')
    .trim();
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return { medianMs: at(0.5), p99Ms: at(0.99) };
}
