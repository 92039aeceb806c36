// NLP.js ships no type declarations; these cover the little of it we use (core/understanding/createIntentClassifier.ts).
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    register(name: string, instance: unknown): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';
  export interface NlpResult {
    intent: string;
    score: number;
    classifications?: { intent: string; score: number }[];
  }
  export class Nlp {
    constructor(settings: Record<string, unknown>);
    settings: Record<string, unknown>;
    addLanguage(locales: string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
  export type { Container };
}

declare module '@nlpjs/lang-ru' {
  export const LangRu: unknown;
}
declare module '@nlpjs/lang-ro' {
  export const LangRo: unknown;
}
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
