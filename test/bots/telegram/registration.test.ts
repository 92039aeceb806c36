// Registration through the real Telegram transport: the application long-polls
// the fake Bot API over loopback HTTP, exactly as it would poll Telegram.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { formatCardNumber } from '../../../core/members/cardNumber.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { offersPayload } from '../../../core/marketing/offersPayloads.ts';
import { textUpdate } from '../../support/telegramUpdates.ts';
import { ANNAS_PHONE, registerMember, registerUpToPhone } from './support/registerMember.ts';
import { startHarnessWithAnna } from './support/harnessWithAnna.ts';
import { labelRowsOf, payloadRowsOf, texts } from './support/replyParts.ts';
import { TelegramHarness } from './support/telegramHarness.ts';
import { isDeliveredTo, type TelegramUser } from './support/telegramUser.ts';

const translator = createTranslator();
const ru = translator.forLocale('ru');
const en = translator.forLocale('en');
const ro = translator.forLocale('ro');

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAIN_MENU = [
  [menuPayload('balance'), menuPayload('card')],
  [menuPayload('history'), menuPayload('invite')],
  [menuPayload('notifications'), menuPayload('language')],
  [menuPayload('complaint'), menuPayload('human')],
  [menuPayload('help'), menuPayload('channels'), menuPayload('mydata')],
];

let harness: TelegramHarness;
let anna: TelegramUser;

beforeEach(async () => {
  ({ harness, anna } = await startHarnessWithAnna());
});

afterEach(async () => {
  await harness.stop();
});

const onlyMember = () => harness.prisma.member.findFirstOrThrow();

describe('registration from /start to the card', () => {
  it('greets a Russian speaker and asks for consent with accept, decline and language buttons', async () => {
    const [greeting] = await anna.commands('/start');

    expect(greeting?.text).toBe(`${ru('greeting.hello')}\n\n${ru('consent.text')}`);
    expect(labelRowsOf(greeting)).toEqual([
      ['Согласен(на)', 'Нет, спасибо'],
      ['Русский', 'Română', 'English'],
    ]);
  });

  it('answers the press on Accept and asks for the name, offering the name of the Telegram profile', async () => {
    await anna.commands('/start');
    const [thanks, question] = await anna.taps('Согласен(на)', 2);

    const answered = harness.fake.callsTo('answerCallbackQuery').map((call) => call.payload.callback_query_id);
    expect(answered).toContain(anna.lastUpdate?.callback_query?.id);
    expect(thanks?.text).toBe('Спасибо! Это займёт меньше минуты.');
    expect(question?.text).toBe('Как вас зовут?');
    expect(labelRowsOf(question)).toEqual([['Меня зовут Анна']]);
  });

  it('takes the profile name with one tap and asks for the phone with a share-my-number key', async () => {
    await anna.commands('/start');
    await anna.taps('Согласен(на)', 2);
    const [question] = await anna.taps('Меня зовут Анна');

    expect(question?.text).toMatch(/^Приятно познакомиться, Анна! Теперь номер телефона/);
    expect(question?.contactRequest).toBe('📱 Поделиться номером');
  });

  it('issues a card with a QR code, credits the welcome bonus and shows the main menu', async () => {
    await registerUpToPhone(anna);
    const [saved, birthdayQuestion] = await anna.sharesContact(ANNAS_PHONE, 2);
    const [welcome, card, menu] = await anna.types('29.02', 3);

    expect(saved?.text).toBe(ru('registration.phoneSaved'));
    expect(birthdayQuestion?.text).toBe(ru('registration.askBirthday'));
    expect(welcome?.text).toContain('Добро пожаловать в программу, Анна!');
    expect(welcome?.text).toContain('100 баллов');
    expect(card?.method).toBe('sendPhoto');
    expect(card?.photo?.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect(card?.text).toContain(`№ ${formatCardNumber((await onlyMember()).cardNumber)}`);
    // The menu closing registration asks about news and offers first (test/bots/telegram/offersConsent.test.ts).
    expect(menu?.text).toBe(`${ru('offers.question')}\n\nЧто вы хотите сделать?`);
    expect(payloadRowsOf(menu)).toEqual([[offersPayload('yes'), offersPayload('no')], ...MAIN_MENU]);
  });

  it('stores the member with the name, the phone in E.164 and a 29 February birthday without a year', async () => {
    await registerMember(anna, { birthday: '29.02' });

    expect(await onlyMember()).toMatchObject({
      name: 'Анна',
      phone: '+37369123456',
      birthDay: 29,
      birthMonth: 2,
      birthYear: null,
      balance: 100,
    });
  });

  it('tells a new member their balance is the welcome bonus', async () => {
    await registerMember(anna);
    const [balance] = await anna.taps('💰 Баланс');

    expect(balance?.text).toBe('На вашем счёте 100 баллов.\nВаш уровень: Бронзовый.\nКарта штампов: 0 из 6.');
    expect(payloadRowsOf(balance)).toEqual(MAIN_MENU);
  });

  it('lists the welcome bonus in the history', async () => {
    await registerMember(anna);
    const [history] = await anna.taps('📜 История');

    expect(history?.text).toMatch(/^Последние операции:\n\d{2}\.\d{2}\.\d{4} {2}\+100 {2}приветственный бонус$/);
  });

  it('welcomes a member back on /start without registering them a second time', async () => {
    await registerMember(anna);
    const [welcomeBack] = await anna.commands('/start');

    expect(welcomeBack?.text).toBe('С возвращением, Анна! Что вы хотите сделать?');
    expect(await harness.prisma.member.count()).toBe(1);
    expect(await harness.prisma.ledgerEntry.count()).toBe(1);
  });
});

describe('the share-my-number key', () => {
  // Telegram keeps a reply keyboard under the input field until a message
  // removes it; one_time_keyboard only hides it behind an icon after a press.
  it('is taken away once the phone number is given', async () => {
    await registerUpToPhone(anna);
    const phoneGivenAt = harness.fake.calls.length;
    anna.push(textUpdate(anna.id, '+373 69 123 456'));
    anna.push(textUpdate(anna.id, '23.11'));
    // The menu closing registration: it ends with the menu's title (the news-and-offers question comes first).
    await harness.fake.waitForCalls(
      (call) => isDeliveredTo(call, anna.id) && String(call.payload.text).endsWith(ru('menu.title')),
      { timeoutMs: 15_000 },
    );

    const markupsSince = harness.fake.calls
      .slice(phoneGivenAt)
      .filter((call) => isDeliveredTo(call, anna.id))
      .map((call) => call.payload.reply_markup);
    expect(markupsSince).toContainEqual(expect.objectContaining({ remove_keyboard: true }));
  });
});

describe('declining consent', () => {
  it('stores nothing and says how to come back', async () => {
    await anna.commands('/start');
    const [declined] = await anna.taps('Нет, спасибо');

    expect(declined?.text).toBe(ru('consent.declined'));
    expect(declined?.text).toContain('/start');
    expect(await harness.prisma.chat.count()).toBe(0);
    expect(await harness.prisma.member.count()).toBe(0);
  });
});

describe('wrong answers', () => {
  async function reachNameStep() {
    await anna.commands('/start');
    await anna.taps('Согласен(на)', 2);
  }

  async function reachBirthdayStep() {
    await registerUpToPhone(anna, { name: 'Анна' });
    await anna.sharesContact(ANNAS_PHONE, 2);
  }

  it('refuses a name made of digits and asks for the name again', async () => {
    await reachNameStep();

    expect(texts(await anna.types('12345', 2))).toEqual([ru('registration.badName'), ru('registration.askName')]);
  });

  it('refuses a photo instead of a name and asks for the name again', async () => {
    await reachNameStep();

    expect(texts(await anna.sendsPhoto(2))).toEqual([ru('registration.badName'), ru('registration.askName')]);
  });

  it('refuses a phone number that cannot be one and asks again, keeping the name', async () => {
    await registerUpToPhone(anna, { name: 'Анна' });
    const [explanation, question] = await anna.types('12345', 2);

    expect(explanation?.text).toBe(ru('registration.badPhone'));
    expect(question?.text).toBe(ru('registration.askPhone', { name: 'Анна' }));
    expect(question?.contactRequest).toBe('📱 Поделиться номером');
  });

  it("refuses a contact that is not the member's own and asks again", async () => {
    await registerUpToPhone(anna, { name: 'Анна' });
    const refused = await anna.sharesContact(ANNAS_PHONE, 2, 999_999);

    expect(texts(refused)).toEqual([ru('registration.notOwnContact'), ru('registration.askPhone', { name: 'Анна' })]);
    expect(await harness.prisma.member.count()).toBe(0);
  });

  it.each(['31.04', '29.02.2023'])('refuses the impossible birthday %s and asks again', async (date) => {
    await reachBirthdayStep();

    expect(texts(await anna.types(date, 2))).toEqual([ru('registration.badBirthday'), ru('registration.askBirthday')]);
  });

  it('keeps the name and phone given before a refused birthday', async () => {
    await reachBirthdayStep();
    await anna.types('31.04', 2);
    await anna.types('23.11.1990', 3);

    expect(await onlyMember()).toMatchObject({
      name: 'Анна',
      phone: '+37369123456',
      birthDay: 23,
      birthMonth: 11,
      birthYear: 1990,
    });
  });

  it('answers a button it does not know politely and asks the current question again', async () => {
    await reachNameStep();

    expect(texts(await anna.presses('promo:2019', 2))).toEqual([
      ru('errors.unknownButton'),
      ru('registration.askName'),
    ]);
  });

  it('answers a member pressing a button it does not know politely, with the menu', async () => {
    await registerMember(anna);
    const [answer] = await anna.presses('promo:2019');

    expect(answer?.text).toBe(ru('errors.unknownButton'));
    expect(payloadRowsOf(answer)).toEqual(MAIN_MENU);
  });
});

describe('language', () => {
  it('greets an English speaker in English', async () => {
    const john = harness.user(1002, { firstName: 'John', languageCode: 'en' });
    const [greeting] = await john.commands('/start');

    expect(greeting?.text).toBe(`${en('greeting.hello')}\n\n${en('consent.text')}`);
    expect(labelRowsOf(greeting)?.[0]).toEqual(['I agree', 'No, thanks']);
  });

  it('greets someone whose language it does not speak in the default language, Russian', async () => {
    const hans = harness.user(1003, { firstName: 'Hans', languageCode: 'de' });
    const [greeting] = await hans.commands('/start');

    expect(greeting?.text).toBe(`${ru('greeting.hello')}\n\n${ru('consent.text')}`);
  });

  it('greets again in the language picked on the greeting, and registers in it', async () => {
    await anna.commands('/start');
    const [greeting] = await anna.taps('English');
    const [thanks] = await anna.taps('I agree', 2);

    expect(greeting?.text).toBe(`${en('greeting.hello')}\n\n${en('consent.text')}`);
    expect(thanks?.text).toBe(en('consent.thanks'));
    expect(await harness.prisma.chat.findFirstOrThrow()).toMatchObject({ locale: 'en' });
  });

  it('falls back to the configured default language, whichever it is', async () => {
    const romanian = await TelegramHarness.start({ env: { DEFAULT_LOCALE: 'ro' } });
    try {
      const [greeting] = await romanian.user(1006, { languageCode: 'de' }).commands('/start');

      expect(greeting?.text).toBe(`${ro('greeting.hello')}\n\n${ro('consent.text')}`);
    } finally {
      await romanian.stop();
    }
  });

  it('asks the current question again in the language chosen mid-registration', async () => {
    await registerUpToPhone(anna, { name: 'Анна' });
    await anna.commands('/language');
    const [changed, question] = await anna.taps('English', 2);

    expect(changed?.text).toBe('The language is now English.');
    expect(question?.text).toBe(en('registration.askPhone', { name: 'Анна' }));
    expect(question?.contactRequest).toBe('📱 Share my phone number');
  });

  it('shows a member who switched to Romanian the balance in Romanian', async () => {
    await registerMember(anna);
    await anna.taps('🌐 Язык');
    await anna.taps('Română', 2);
    const [balance] = await anna.taps(ro('menu.balance'));

    expect(balance?.text.split('\n')[0]).toBe('Aveți 100 de puncte.');
    expect(balance?.text).toContain('Nivelul dumneavoastră: Bronz.');
    expect((await onlyMember()).locale).toBe('ro');
  });
});

describe('a second Telegram account', () => {
  it('is linked to the same card when it shares the registered number as its own contact', async () => {
    await registerMember(anna);
    const secondPhone = harness.user(1004, { firstName: 'Аня' });
    await registerUpToPhone(secondPhone, { name: 'Аня' });
    const [linked, menu] = await secondPhone.sharesContact(ANNAS_PHONE, 2);
    const [balance] = await secondPhone.taps('💰 Баланс');

    expect(linked?.text).toBe(
      'С возвращением, Анна! Этот чат подключён к вашей карте: та же карта, тот же баланс (100 баллов) и та же история, что и в других ваших чатах.',
    );
    expect(menu?.text).toBe(ru('menu.title'));
    expect(balance?.text).toBe('На вашем счёте 100 баллов.\nВаш уровень: Бронзовый.\nКарта штампов: 0 из 6.');
    expect(await harness.prisma.member.count()).toBe(1);
    const chats = await harness.prisma.chat.findMany();
    expect(chats.map((chat) => chat.memberId)).toEqual([chats[0]?.memberId, chats[0]?.memberId]);
  });

  it('is asked for a code sent to the member’s own chat when it types a number that is already registered', async () => {
    await registerMember(anna);
    const stranger = harness.user(1005, { firstName: 'Олег' });
    await registerUpToPhone(stranger, { name: 'Олег' });
    const [refusal, question] = await stranger.types('+373 69 123 456', 2);

    expect(refusal?.text).toBe(ru('linking.codeSent'));
    expect(question?.text).toBe(ru('linking.askCode'));
    expect(await harness.prisma.chat.count({ where: { memberId: { not: null } } })).toBe(1);
  });
});

describe('a restart mid-registration', () => {
  it('continues the conversation where it stopped', async () => {
    await registerUpToPhone(anna, { name: 'Анна' });
    await harness.restartApp();
    const [, question] = await anna.sharesContact(ANNAS_PHONE, 2);
    await anna.types('23.11', 3);

    expect(question?.text).toBe(ru('registration.askBirthday'));
    expect(await onlyMember()).toMatchObject({ name: 'Анна', phone: '+37369123456' });
  });
});
