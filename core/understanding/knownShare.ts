import type { Container } from '@nlpjs/core';
import { locales, type Locale } from '../i18n/locale.ts';
import type { IntentCorpus } from './understandingPorts.ts';

interface LanguageTools {
  tokenizer: { tokenize(text: string, normalize: boolean): string[] };
  stopwords: { isStopword(token: string): boolean };
  stemmer: { stemWords(tokens: string[]): string[] };
}

/**
 * How much of a text's vocabulary the corpus of a language knows (0–1), by
 * stems without stop words. A neural classifier trained on a few hundred
 * sentences gives a confident answer even for words it never saw ("tell me a
 * joke" as `human`); a text mostly made of unknown words is off-topic instead.
 */
export function createKnownShare(container: Container, corpus: IntentCorpus): (locale: Locale, text: string) => number {
  const stemsOf = (locale: Locale, text: string): string[] => {
    const tools = toolsOf(container, locale);
    const tokens = tools.tokenizer.tokenize(text, true).filter((token) => !tools.stopwords.isStopword(token));
    return tools.stemmer.stemWords(tokens);
  };
  const known = new Map(
    locales.map((locale) => [
      locale,
      new Set(Object.values(corpus[locale]).flatMap((utterances) => utterances.flatMap((u) => stemsOf(locale, u)))),
    ]),
  );
  return (locale, text) => {
    const stems = stemsOf(locale, text);
    if (stems.length === 0) return 0;
    return stems.filter((stem) => known.get(locale)!.has(stem)).length / stems.length;
  };
}

function toolsOf(container: Container, locale: Locale): LanguageTools {
  return {
    tokenizer: container.get(`tokenizer-${locale}`) as LanguageTools['tokenizer'],
    stopwords: container.get(`stopwords-${locale}`) as LanguageTools['stopwords'],
    stemmer: container.get(`stemmer-${locale}`) as LanguageTools['stemmer'],
  };
}
