// The Viber channel's edges: invitations through the deep link's context,
// pictures relayed to a ticket, and start-up without PUBLIC_URL.
import { afterEach, describe, expect, it } from 'vitest';
import { ViberHarness } from './support/viberHarness.ts';
import type { ViberUser } from './support/viberUser.ts';

let harness: ViberHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function register(user: ViberUser, phone: string, context?: string): Promise<void> {
  await user.opens(context);
  await user.taps('Согласен(на)');
  await user.types('Анна');
  await user.sharesPhone(phone);
  await user.types('29.02');
}

describe('the Viber channel', () => {
  it('carries an invitation in the context of viber://pa?chatURI=…&context=ref_…, as Telegram’s /start payload', async () => {
    harness = await ViberHarness.start();
    const inviter = harness.user('InViTeR0000000000A=');
    await register(inviter, '+37369000001');
    // The code is made when the member first opens the invitation.
    await inviter.presses('menu:invite');
    const { referralCode } = await harness.prisma.member.findFirstOrThrow({ where: { phone: '+37369000001' } });

    const friend = harness.user('FrIeNd0000000000A=');
    const { welcome } = await friend.opens(`ref_${referralCode}`);
    await friend.taps('Согласен(на)');
    await friend.types('Борис');
    await friend.sharesPhone('+37369000002');
    await friend.types('01.01');

    const joined = await harness.prisma.member.findFirstOrThrow({ where: { phone: '+37369000002' } });
    const inviterId = (await harness.prisma.member.findFirstOrThrow({ where: { phone: '+37369000001' } })).id;
    expect(welcome).not.toBeNull();
    expect(joined.referredById).toBe(inviterId);
  });

  it('relays a picture sent to staff into the ticket, by the URL Viber gives', async () => {
    harness = await ViberHarness.start();
    const anna = harness.user('AnNa01234567890A=');
    await register(anna, '+37369123456');
    await anna.taps((await ruLabel('menu.human'))!);

    await anna.sendsPicture('https://media.viber.example/photo/abc.jpg');

    const message = await harness.prisma.ticketMessage.findFirst({ where: { photoFileId: { not: null } } });
    expect(message?.photoFileId).toBe('https://media.viber.example/photo/abc.jpg');
  });

  it('stays off without PUBLIC_URL, saying so in one line, while the rest of the product runs', async () => {
    harness = await ViberHarness.start({ env: { PUBLIC_URL: '' }, captureLogs: true });

    expect(harness.fake.callsTo('set_webhook')).toEqual([]);
    expect(
      harness.logs.filter((line) => /viber/i.test(line.msg ?? '') && /PUBLIC_URL/.test(line.msg ?? '')),
    ).toHaveLength(1);
    expect((await fetch(`${harness.app.url}/viber/webhook`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${harness.app.url}/`)).status).toBe(200);
  });
});

async function ruLabel(key: string): Promise<string | undefined> {
  const { createTranslator } = await import('../../../core/i18n/translator.ts');
  return createTranslator().forLocale('ru')(key);
}
