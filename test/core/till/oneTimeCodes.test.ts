// The one-time code as the member and the cashier meet it: the card screen
// says until when it holds and offers a new one; a used or expired code is
// told as such, and a code nobody was given is told apart from it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { menuPayload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { buttonIn, command, createTillWorld, en, press, text, texts, type TillWorld } from './tillWorld.ts';

describeEachProvider('one-time codes', (provider) => {
  let world: TillWorld;

  beforeEach(async () => {
    world = await createTillWorld(provider);
    await world.register();
    await world.grantCashier();
  });

  afterEach(async () => {
    await world.dispose();
  });

  it('says until when the code holds, in the programme’s time zone, and offers a new code', async () => {
    const card = await world.customer(press(menuPayload('card')));
    // The world's clock is 10:00 UTC, 12:00 in Chisinau; a code lives 5 minutes.
    expect(texts(card).join('\n')).toContain('valid until 12:05');
    const again = await world.customer(press(buttonIn(card, en('card.newCode'))));
    expect(again[0]?.image).toBeDefined();
    expect(texts(again).join('\n')).toMatch(/One-time code for the till: \d{6}/);
  });

  it('tells the cashier that an expired code expired', async () => {
    const code = await world.cardCode();
    world.advance(5 * 60_000 + 1);
    await world.cashier(command('till'));
    expect(texts(await world.cashier(text(code)))).toEqual([en('till.codeExpired'), en('till.askMember')]);
  });

  it('tells the cashier that no member has a code never issued', async () => {
    await world.cashier(command('till'));
    expect(texts(await world.cashier(text('000000')))).toEqual([en('till.codeUnknown'), en('till.askMember')]);
  });
});
