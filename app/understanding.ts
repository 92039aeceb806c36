import { createIntentClassifier } from '../core/understanding/createIntentClassifier.ts';
import { loadIntentCorpus } from '../core/understanding/loadIntentCorpus.ts';
import type { Understanding } from '../core/understanding/understandingPorts.ts';

let trained: Understanding | undefined;

/**
 * Typed requests understood from the corpus beside the translations
 * (locales/<lng>/intents.json). Trained once per process: the classifier
 * holds no state of any chat, so every assistant of the process shares it.
 */
export function defaultUnderstanding(): Understanding {
  trained ??= createIntentClassifier(loadIntentCorpus());
  return trained;
}
