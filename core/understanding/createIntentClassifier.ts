import { containerBootstrap, type Container } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { LangRo } from '@nlpjs/lang-ro';
import { LangRu } from '@nlpjs/lang-ru';
import { Nlp } from '@nlpjs/nlp';
import { locales, type Locale } from '../i18n/locale.ts';
import { createKnownShare } from './knownShare.ts';
import type { IntentCorpus, Understanding, Understood } from './understandingPorts.ts';

/**
 * Below this score a text is not forced into an intent. Tuned on the held-out
 * phrasings of test/core/understanding/intentAccuracy.test.ts.
 */
export const CONFIDENCE_THRESHOLD = 0.7;

/** A text at most this much made of words the corpus knows is off-topic, whatever the classifier says. */
const MOSTLY_UNKNOWN = 0.5;

const silent = { trace() {}, debug() {}, info() {}, log() {}, warn() {}, error() {}, fatal() {} };

/**
 * Trains an intent classifier on the corpus, in memory, in milliseconds.
 *
 * Why NLP.js: it runs offline with no native build and no model download,
 * trains a small neural classifier per language in a few milliseconds, and it
 * has stemmers and normalizers for Russian and Romanian (diacritics folded),
 * which the other installed options lack: nothing else among our packages
 * classifies text at all, and a keyword table would miss inflected words
 * (Russian and Romanian nouns change their endings). Its model file, logging and sentiment pass are off.
 */
export function createIntentClassifier(corpus: IntentCorpus, threshold = CONFIDENCE_THRESHOLD): Understanding {
  const container = containerBootstrap();
  // Training starts now, at start-up; the first text waits for it (a few milliseconds), later ones do not.
  const trained = trainedNlp(container, corpus);
  const knownShare = createKnownShare(container, corpus);
  const classify = async (locale: Locale, text: string): Promise<Understood | null> => {
    if (knownShare(locale, text) <= MOSTLY_UNKNOWN) return null;
    const { intent, score } = await (await trained).process(locale, text);
    return intent !== 'None' && score >= threshold ? { intent, score, locale } : null;
  };
  return {
    ready: trained.then(() => undefined),
    understand: async (text, locale) => {
      // The member's language first, then the others: people type in the language they think in.
      for (const lng of [locale, ...locales.filter((other) => other !== locale)]) {
        const found = text.trim() === '' ? null : await classify(lng, text.trim());
        if (found) return found;
      }
      return null;
    },
  };
}

async function trainedNlp(container: Container, corpus: IntentCorpus): Promise<Nlp> {
  container.register('logger', silent);
  for (const lang of [LangEn, LangRo, LangRu]) container.use(lang);
  const nlp = new Nlp({
    container,
    autoSave: false,
    autoLoad: false,
    calculateSentiment: false,
    nlu: { log: false },
    languages: [...locales],
  });
  for (const locale of locales) {
    for (const [intent, utterances] of Object.entries(corpus[locale])) {
      for (const utterance of utterances) nlp.addDocument(locale, utterance, intent);
    }
  }
  await nlp.train();
  return nlp;
}
