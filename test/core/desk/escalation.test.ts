// What hands a member over to a person: the button, /human, /complaint and its
// menu button, words that read as a complaint in any of our languages, and a
// second message in a row the bot cannot understand. Each opens one ticket,
// tells the member a person will answer and when, and queues the ticket's
// message for the staff channel.
import { MAIN_MENU_PAYLOAD } from '../../../core/menu/mainMenu.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { Outbound } from '../../../core/outbound.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { offerPayload } from '../../../core/understanding/offerTicket.ts';
import type { Provider } from '../../../core/storage/db/openDatabase.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  buttonPayloads,
  chatState,
  createDeskWorld,
  deskPosts,
  onlyTicket,
  texts,
  tickets,
  tr,
  type Customer,
  type DeskWorld,
} from './support/deskWorld.ts';

describeEachProvider('escalation to a person', (provider) => {
  let world: DeskWorld;

  beforeEach(async () => {
    world = await createDeskWorld(provider);
  });

  afterEach(async () => {
    await world.dispose();
  });

  /** The one ticket that opened, with the reply and the staff posts, checked the way the member and staff see them. */
  async function expectOneTicket(customer: Customer, replies: Outbound[], reason: string, text: string) {
    const ticket = await onlyTicket(world.db);
    expect(ticket).toMatchObject({
      reason,
      text,
      status: 'open',
      channel: 'telegram',
      address: customer.address,
      locale: customer.locale,
    });
    expect(texts(replies)).toEqual([tr(customer.locale)(`desk.opened.${reason}`, { count: 15 })]);
    expect(buttonPayloads(replies)).toEqual([deskPayload.close(ticket.id), MAIN_MENU_PAYLOAD]);
    expect(await deskPosts(world.db, ticket.id)).toEqual([{ kind: 'ticket' }]);
    expect(await chatState(world.db, customer)).toEqual({ v: 1, step: 'member', ticket: ticket.id });
    return ticket;
  }

  it('opens a ticket when the member presses "Talk to a person"', async () => {
    const anna = await world.join('en');
    const replies = await anna.presses(menuPayload('human'));
    await expectOneTicket(anna, replies, 'button', '');
    expect(texts(replies)[0]).toContain(
      'A person from our team will answer you right here, usually within 15 minutes.',
    );
  });

  it('opens a ticket on /human', async () => {
    const anna = await world.join('en');
    await expectOneTicket(anna, await anna.commands('human'), 'button', '');
  });

  it('opens a ticket on /complaint with what the member wrote after it as its text', async () => {
    const anna = await world.join('en');
    const replies = await anna.commands('complaint', 'The coffee machine ate my card');
    await expectOneTicket(anna, replies, 'command', 'The coffee machine ate my card');
    expect(texts(replies)[0]).toMatch(/^We are sorry something went wrong\./);
  });

  it('opens a ticket with no text on /complaint alone', async () => {
    const anna = await world.join('en');
    await expectOneTicket(anna, await anna.commands('complaint'), 'command', '');
  });

  it('opens a ticket from the Complaint menu button', async () => {
    const anna = await world.join('ro');
    await expectOneTicket(anna, await anna.presses(menuPayload('complaint')), 'command', '');
  });

  it('opens one ticket, not two, when the member presses "Talk to a person" twice', async () => {
    const anna = await world.join('en');
    await anna.presses(menuPayload('human'));
    const again = await anna.presses(menuPayload('human'));
    expect((await tickets(world.db)).length).toBe(1);
    expect(texts(again)).toEqual([tr('en')('desk.withStaff')]);
  });

  describe.each<[Locale, string]>([
    ['en', 'The staff were rude'],
    ['ru', 'Хочу пожаловаться на кассира'],
    ['ro', 'Sunt foarte nemultumit'],
  ])('a complaint in %s', (locale, words) => {
    it(`opens a ticket on "${words}" and answers in the member's language`, async () => {
      const member = await world.join(locale);
      await expectOneTicket(member, await member.complains(words), 'complaint', words);
    });
  });

  it('reads a complaint in a language other than the one the member chose, and answers in theirs', async () => {
    const anna = await world.join('en');
    await expectOneTicket(anna, await anna.complains('Кассир мне нахамил'), 'complaint', 'Кассир мне нахамил');
  });

  it('reads a Romanian complaint typed with diacritics as well', async () => {
    const ion = await world.join('ro');
    await expectOneTicket(
      ion,
      await ion.complains('Sunt foarte nemulțumit de casieră'),
      'complaint',
      'Sunt foarte nemulțumit de casieră',
    );
  });

  it('does not take a word that merely contains a marker for a complaint', async () => {
    const anna = await world.join('en');
    const replies = await anna.says('prudent');
    expect(texts(replies)).toEqual([tr('en')('errors.notUnderstood')]);
    expect(await tickets(world.db)).toEqual([]);
    expect(await deskPosts(world.db)).toEqual([]);
  });

  it('answers the first message it does not understand itself, and opens no ticket', async () => {
    const anna = await world.join('en');
    const replies = await anna.says('qwerty');
    expect(texts(replies)).toEqual([tr('en')('errors.notUnderstood')]);
    expect(buttonPayloads(replies)).toContain(menuPayload('human'));
    expect(await tickets(world.db)).toEqual([]);
  });

  it('asks before opening a ticket on a complaint', async () => {
    const anna = await world.join('en');
    const replies = await anna.says('The staff were rude');
    expect(texts(replies)).toEqual([tr('en')('understanding.offer.complaint')]);
    expect(buttonPayloads(replies)).toEqual([offerPayload.yes, offerPayload.backToMenu]);
    expect(await tickets(world.db)).toEqual([]);
  });

  it('offers a person, and opens no ticket, on the second message in a row it does not understand', async () => {
    const anna = await world.join('en');
    await anna.says('qwerty');
    const replies = await anna.says('where is my thing');
    expect(texts(replies)).toEqual([tr('en')('understanding.offer.notUnderstood')]);
    expect(buttonPayloads(replies)).toEqual([offerPayload.yes, offerPayload.backToMenu]);
    expect(await tickets(world.db)).toEqual([]);
    expect(await deskPosts(world.db)).toEqual([]);
  });

  it('opens a ticket holding both texts when the member accepts the offer of a person', async () => {
    const anna = await world.join('en');
    await anna.says('qwerty');
    await expectOneTicket(
      anna,
      await anna.complains('where is my thing'),
      'notUnderstood',
      'qwerty\nwhere is my thing',
    );
  });

  it('opens no ticket and shows the menu when the member goes back to the menu instead', async () => {
    const anna = await world.join('en');
    await anna.says('qwerty');
    await anna.says('where is my thing');
    const replies = await anna.presses(offerPayload.backToMenu);
    expect(texts(replies)).toEqual([tr('en')('menu.title')]);
    expect(texts(await anna.presses(offerPayload.yes))).toEqual([tr('en')('understanding.offerGone')]);
    expect(await tickets(world.db)).toEqual([]);
  });

  it('starts counting again after the member uses the menu between two messages it does not understand', async () => {
    const anna = await world.join('en');
    await anna.says('qwerty');
    await anna.presses(menuPayload('balance'));
    const replies = await anna.says('where is my thing');
    expect(texts(replies)).toEqual([tr('en')('errors.notUnderstood')]);
    expect(await tickets(world.db)).toEqual([]);
  });

  it('starts counting again after a command between two messages it does not understand', async () => {
    const anna = await world.join('en');
    await anna.says('qwerty');
    await anna.commands('card');
    await anna.says('where is my thing');
    expect(await tickets(world.db)).toEqual([]);
  });

  it("keeps one member's misunderstandings apart from another's", async () => {
    const anna = await world.join('en');
    const boris = await world.join('ru');
    await anna.says('qwerty');
    await boris.says('йцукен');
    expect(await tickets(world.db)).toEqual([]);
  });
});

describe.each<[Provider, Locale, number, string]>([
  ['sqlite', 'en', 1, 'usually within 1 minute.'],
  ['sqlite', 'en', 5, 'usually within 5 minutes.'],
  ['sqlite', 'ru', 1, 'обычно в течение 1 минуты.'],
  ['sqlite', 'ru', 5, 'обычно в течение 5 минут.'],
  ['sqlite', 'ru', 21, 'обычно в течение 21 минуты.'],
  ['sqlite', 'ro', 1, 'de obicei în 1 minut.'],
  ['sqlite', 'ro', 5, 'de obicei în 5 minute.'],
  ['sqlite', 'ro', 20, 'de obicei în 20 de minute.'],
])('the wait a member is told [%s, %s, %i minutes]', (provider, locale, minutes, expected) => {
  it(`says "${expected}"`, async () => {
    const world = await createDeskWorld(provider, { expectedWaitMinutes: minutes });
    try {
      const member = await world.join(locale);
      const [reply] = await member.presses(menuPayload('human'));
      expect(reply?.text).toContain(expected);
    } finally {
      await world.dispose();
    }
  });
});
