// What a member types, understood: read-only screens answer at once, a ticket or a language change is asked first.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Locale } from '../../../core/i18n/locale.ts';
import { payload } from '../../../core/payloads.ts';
import { offerPayload } from '../../../core/understanding/offerTicket.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  buttonPayloads,
  chatState,
  createDeskWorld,
  texts,
  tickets,
  tr,
  type DeskWorld,
} from '../desk/support/deskWorld.ts';

const balanceLine = (locale: Locale) => tr(locale)('balance.text', { points: tr(locale)('points', { count: 100 }) });

describeEachProvider('typed requests', (provider) => {
  let world: DeskWorld;

  beforeEach(async () => {
    world = await createDeskWorld(provider);
  });

  afterEach(async () => {
    await world.dispose();
  });

  it.each<[Locale, string]>([
    ['en', 'balance'],
    ['en', 'how many points do I have?'],
    ['ru', 'сколько у меня баллов?'],
    ['ro', 'câte puncte am'],
  ])('shows the balance to a %s member who types "%s"', async (locale, words) => {
    const member = await world.join(locale);
    const replies = await member.says(words);
    expect(texts(replies).join('\n')).toContain(balanceLine(locale));
  });

  it('shows the card to a member who types "show my card"', async () => {
    const anna = await world.join('en');
    const replies = await anna.says('show my card');
    expect(replies.some((reply) => reply.image !== undefined)).toBe(true);
  });

  it('asks before asking a person on "vreau să vorbesc cu un om", and opens the ticket on Yes', async () => {
    const ion = await world.join('ro');
    const offer = await ion.says('vreau să vorbesc cu un om');
    expect(texts(offer)).toEqual([tr('ro')('understanding.offer.button')]);
    expect(buttonPayloads(offer)).toEqual([offerPayload.yes, offerPayload.backToMenu]);
    expect(await tickets(world.db)).toEqual([]);
    const replies = await ion.presses(offerPayload.yes);
    expect(texts(replies)).toEqual([tr('ro')('desk.opened.button', { count: 15 })]);
    expect(await tickets(world.db)).toMatchObject([{ reason: 'button', text: 'vreau să vorbesc cu un om' }]);
  });

  it('offers a person after two texts it does not understand, and opens no ticket by itself', async () => {
    const anna = await world.join('en');
    expect(texts(await anna.says('qwerty'))).toEqual([tr('en')('errors.notUnderstood')]);
    const offer = await anna.says('zxcvbn');
    expect(texts(offer)).toEqual([tr('en')('understanding.offer.notUnderstood')]);
    expect(await tickets(world.db)).toEqual([]);
  });

  it('starts counting misses again after a text it understands', async () => {
    const anna = await world.join('en');
    await anna.says('qwerty');
    await anna.says('balance');
    expect(texts(await anna.says('zxcvbn'))).toEqual([tr('en')('errors.notUnderstood')]);
  });

  it('asks before switching language on the name of a language, and switches on Yes', async () => {
    const anna = await world.join('en');
    const offer = await anna.says('русский');
    expect(texts(offer)).toEqual([tr('en')('understanding.switchLanguage', { language: 'Русский' })]);
    expect(buttonPayloads(offer)).toEqual([payload.language('ru'), offerPayload.backToMenu]);
    expect(texts(await anna.presses(payload.language('ru')))).toContain(tr('ru')('language.changed'));
  });

  it('hands a typed request for a contest to the contests (this world has none running: they say so)', async () => {
    const anna = await world.join('en');
    expect(texts(await anna.says('enter the contest'))).toEqual([tr('en')('contests.none')]);
  });

  it('hands a typed request for a quiz to the quizzes, in each language (this world has none: they say so)', async () => {
    for (const [locale, words] of [
      ['en', 'quiz'],
      ['ru', 'викторина'],
      ['ro', 'chestionar'],
    ] as const) {
      const member = await world.join(locale);
      expect(texts(await member.says(words))).toEqual([tr(locale)('quiz.unavailable')]);
    }
  });

  it('leaves the chat as it was when the member goes back to the menu from an offer', async () => {
    const anna = await world.join('en');
    await anna.says('I want to talk to a person');
    expect(texts(await anna.presses(offerPayload.backToMenu))).toEqual([tr('en')('menu.title')]);
    expect(await chatState(world.db, anna)).toEqual({ v: 1, step: 'member' });
    expect(await tickets(world.db)).toEqual([]);
  });
});
