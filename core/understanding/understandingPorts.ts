import type { Locale } from '../i18n/locale.ts';

/** What a typed text was understood as: an intent, how sure the classifier is (0–1), and in which language. */
export interface Understood {
  intent: string;
  score: number;
  locale: Locale;
}

/**
 * Understands free text: the intent a member's words ask for, or null when
 * no intent is likely enough (the text is then not forced into one).
 */
export interface Understanding {
  /** Settles once the classifier is trained (start-up waits for it; `understand` waits too). */
  ready: Promise<void>;
  understand(text: string, locale: Locale): Promise<Understood | null>;
}

/** Example utterances per intent, per language (locales/<lng>/intents.json); `None` lists off-topic examples. */
export type IntentCorpus = Record<Locale, Record<string, readonly string[]>>;
