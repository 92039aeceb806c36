import { beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../../core/i18n/locale.ts';
import { createIntentClassifier } from '../../../core/understanding/createIntentClassifier.ts';
import { loadIntentCorpus } from '../../../core/understanding/loadIntentCorpus.ts';
import type { Understanding } from '../../../core/understanding/understandingPorts.ts';
import { heldOut, offTopic } from './heldOutPhrasings.ts';

const corpus = loadIntentCorpus();
const understanding: Understanding = createIntentClassifier(corpus);

beforeAll(() => understanding.ready);

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[?!.,]/g, '')
    .trim();

describe('intent recognition on phrasings it was not trained on', () => {
  it('keeps the held-out phrasings out of the training corpus', () => {
    const trained = new Set(locales.flatMap((lng) => Object.values(corpus[lng]).flat().map(plain)));
    const overlap = locales.flatMap((lng) =>
      heldOut[lng].map(([text]) => text).filter((text) => trained.has(plain(text))),
    );
    expect(overlap).toEqual([]);
  });

  for (const locale of locales) {
    it(`recognises at least 90% of ${heldOut[locale].length} held-out ${locale} phrasings`, async () => {
      expect(heldOut[locale].length).toBeGreaterThanOrEqual(60);
      const wrong: string[] = [];
      for (const [text, intent] of heldOut[locale]) {
        const found = await understanding.understand(text, locale);
        if (found?.intent !== intent) wrong.push(`${text} → ${found?.intent ?? 'nothing'} (wanted ${intent})`);
      }
      const accuracy = 1 - wrong.length / heldOut[locale].length;
      console.log(`intent accuracy ${locale}: ${(accuracy * 100).toFixed(1)}% of ${heldOut[locale].length}`, wrong);
      expect(accuracy).toBeGreaterThanOrEqual(0.9);
    });

    it(`recognises none of ${offTopic[locale].length} off-topic ${locale} texts`, async () => {
      expect(offTopic[locale].length).toBeGreaterThanOrEqual(20);
      const recognised: string[] = [];
      for (const text of offTopic[locale]) {
        const found = await understanding.understand(text, locale);
        if (found) recognised.push(`${text} → ${found.intent} (${found.score.toFixed(2)})`);
      }
      console.log(`off-topic ${locale}: ${recognised.length} of ${offTopic[locale].length} recognised`, recognised);
      expect(recognised).toEqual([]);
    });
  }
});
