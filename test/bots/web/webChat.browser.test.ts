// The web chat as a visitor meets it: the real application on loopback, the
// real page in Debian's Chromium driven by playwright-core.
import { type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../app/startApp.ts';
import { pagesForSuite, type BrowserPages } from '../../support/browserPages.ts';
import { chromiumMissing, onCI, skipReason } from '../../support/chromium.ts';
import { seriousViolations } from '../../support/axe.ts';
import { startLoopbackApp, type LoopbackApp } from '../../support/loopbackApp.ts';
import { botMessages, botSays, choose, eventually, log, press, type, userMessages } from './support/webChatPage.ts';

const SCREENSHOT = '/tmp/webchat.png';
if (chromiumMissing && !onCI) console.warn(`Web chat browser tests skipped: ${skipReason}.`);

const en = {
  greeting: 'Hello! I am the loyalty assistant',
  consent: 'we need your consent',
  askName: 'What is your name?',
  askPhone: 'Now your phone number',
  badPhone: 'I could not read a phone number there.',
  askBirthday: 'When is your birthday?',
  welcome: 'Welcome to the programme, Anna!',
  // A typed number is not proven: the welcome gift waits for the first purchase at the till.
  balance: 'You have 0 points.',
  offline: 'No connection. Your message will be sent when the connection is back.',
  tillCode: 'One-time code for the till:',
  codeExpired: 'This code has expired. Tap “🔄 New code” for a fresh one.',
  codeHidden: 'The one-time code is not kept on this device. Open “My card” for a fresh one.',
  slowDown: 'You are writing faster than I can read. Your message will be sent in a moment.',
};

let loopback: LoopbackApp;
let app: RunningApp;
let pages: BrowserPages;

beforeAll(async () => {
  loopback = await startLoopbackApp('webchat-', { DEFAULT_LOCALE: 'ru' });
  app = loopback.app;
});

afterAll(async () => {
  await loopback?.stop();
});

// On CI a missing browser fails the run: a quietly skipped browser test proves nothing.
describe.skipIf(chromiumMissing && !onCI)(`web chat in Chromium${chromiumMissing ? ` (${skipReason})` : ''}`, () => {
  pages = pagesForSuite();

  it(
    'registers an English-speaking visitor and shows their card, the welcome gift to come and the balance',
    { timeout: 60_000 },
    async () => {
      const page = await openChat('en-US');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.title()).toBe('Loyalty assistant');
      await botSays(page, en.greeting);
      await botSays(page, en.consent);

      await press(page, 'I agree');
      await eventually(() => userMessages(page).allTextContents()).toEqual(['I agree']);
      await botSays(page, en.askName);
      await type(page, 'Anna');
      await botSays(page, en.askPhone);
      await type(page, '+37369123456');
      await botSays(page, en.askBirthday);
      await type(page, '29.02');
      await botSays(page, en.welcome);
      await botSays(page, 'Your welcome gift of 100 points will be credited with your first purchase at the till.');

      const card = page.getByRole('img', { name: /^QR code of loyalty card / });
      await card.waitFor();
      expect(await card.getAttribute('src')).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
      await eventually(() => card.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const caption = botMessages(page).filter({ has: card });
      expect(await caption.innerText()).toMatch(/Loyalty card of Anna\nNo\. [\d ]+\nShow this QR code at the till\./);

      await choose(page, '💰 Balance');
      await botSays(page, en.balance);
      await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
    },
  );

  it('explains a phone number it cannot read and asks for it again', async () => {
    const page = await openChat('en-US');
    await press(page, 'I agree');
    await type(page, 'Anna');
    await botSays(page, en.askPhone);
    await type(page, '123');
    await botSays(page, en.badPhone);
    await eventually(() => botMessages(page).filter({ hasText: en.askPhone }).count()).toBe(2);
    expect(await botMessages(page).last().textContent()).toContain(en.askPhone);
  });

  it('keeps the transcript over a reload and continues the same membership', { timeout: 60_000 }, async () => {
    const page = await openChat('en-US');
    await registerAnna(page, '+37369000001');
    const transcript = await log(page).locator('.msg:not(.msg--typing)').allTextContents();
    const members = await app.db.prisma.member.count();

    await page.reload();
    // The card's message held a one-time code: after a reload a note stands in its place.
    const kept = transcript.map((text) => (text.includes(en.tillCode) ? en.codeHidden : text));
    await eventually(() => log(page).locator('.msg:not(.msg--typing)').allTextContents()).toEqual(kept);
    await choose(page, '💰 Balance');
    await botSays(page, en.balance);
    expect(await botMessages(page).filter({ hasText: en.greeting }).count()).toBe(1);
    expect(await botMessages(page).filter({ hasText: en.welcome }).count()).toBe(1);
    expect(await app.db.prisma.member.count()).toBe(members);
  });

  it('starts a fresh conversation for a different visitor', async () => {
    const first = await openChat('en-US');
    await press(first, 'I agree');
    await botSays(first, en.askName);

    const second = await openChat('en-US');
    await botSays(second, en.greeting);
    expect(await log(second).locator('.msg:not(.msg--typing)').count()).toBe(1);
    expect(await log(second).textContent()).not.toContain(en.askName);
  });

  it('speaks Russian to a browser that prefers Russian', async () => {
    const page = await openChat('ru-RU');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.title()).toBe('Помощник программы лояльности');
    expect(await page.getByRole('button', { name: 'Отправить' }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Напишите сообщение…');
    await botSays(page, 'Здравствуйте');
    await press(page, 'Согласен(на)');
    await botSays(page, 'Как вас зовут?');
  });

  it('frames the page in the language chosen in the chat rather than the browser language, after a reload', async () => {
    const page = await openChat('en-US');
    await press(page, 'I agree');
    await botSays(page, en.askName);
    await press(page, 'Română');
    await botSays(page, 'Acum vorbesc românește.');

    await page.reload();
    expect(await page.locator('html').getAttribute('lang')).toBe('ro');
    expect(await page.title()).toBe('Asistentul programului de fidelitate');
    expect(await page.getByRole('button', { name: 'Trimite' }).isVisible()).toBe(true);
  });

  it('queues messages typed before the answer arrives and sends them in order', async () => {
    const page = await openChat('en-US');
    await press(page, 'I agree');
    await botSays(page, en.askName);
    const posted: { event: unknown }[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/webchat/messages', async (route) => {
      posted.push(route.request().postDataJSON());
      if (posted.length === 1) await held;
      await route.continue();
    });

    await type(page, 'Anna');
    await type(page, '+37369000002');
    await eventually(() => userMessages(page).allTextContents()).toEqual(['I agree', 'Anna', '+37369000002']);
    expect(posted).toHaveLength(1);
    release();
    await botSays(page, en.askBirthday);
    expect(posted.map((body) => body.event)).toEqual([
      { kind: 'text', text: 'Anna' },
      { kind: 'text', text: '+37369000002' },
    ]);
  });

  it('shows the offline notice while the network is down and retries with the same id', async () => {
    const page = await openChat('en-US');
    await botSays(page, en.consent);
    const ids: string[] = [];
    let networkUp = false;
    await page.route('**/webchat/messages', (route: Route) => {
      ids.push((route.request().postDataJSON() as { id: string }).id);
      return networkUp ? route.continue() : route.abort('internetdisconnected');
    });

    await press(page, 'I agree');
    await eventually(() => page.getByRole('status').textContent()).toBe(en.offline);
    await eventually(() => ids.length).toBeGreaterThanOrEqual(2);
    networkUp = true;
    await botSays(page, en.askName);
    await page.getByRole('status').waitFor({ state: 'hidden' });
    expect(new Set(ids).size).toBe(1);
    expect(await botMessages(page).filter({ hasText: en.askName }).count()).toBe(1);
  });

  it('never keeps a one-time till code on the device', { timeout: 60_000 }, async () => {
    const page = await openChat('en-US');
    await registerAnna(page, '+37369000011');
    await choose(page, '💳 My card');
    await eventually(() => botMessages(page).filter({ hasText: en.tillCode }).count()).toBe(2);
    const codes = (await log(page).textContent())!.match(/One-time code for the till: (\d{6})/g)!;
    const stored = await page.evaluate(() => JSON.stringify(localStorage));
    for (const code of codes) expect(stored).not.toContain(code.slice(-6));
    expect(stored).not.toContain('data:image/png');
    expect(stored).toContain(en.codeHidden);
  });

  it(
    'takes an expired till code off the screen and says so, under a New code button',
    { timeout: 60_000 },
    async () => {
      const page = await openChat('en-US');
      await page.clock.install();
      await registerAnna(page, '+37369000023');
      await choose(page, '💳 My card');
      await eventually(() => botMessages(page).filter({ hasText: en.tillCode }).count()).toBe(2);
      // The code lives 5 minutes; the page's clock is moved past that, the server's is not needed.
      await page.clock.fastForward('05:01');
      await eventually(() => botMessages(page).filter({ hasText: en.tillCode }).count()).toBe(0);
      await eventually(() => botMessages(page).filter({ hasText: en.codeExpired }).count()).toBe(2);
      expect(await page.getByRole('img', { name: /^QR code of loyalty card / }).count()).toBe(0);
      await page.getByRole('button', { name: '🔄 New code' }).last().click();
      await eventually(() => botMessages(page).filter({ hasText: en.tillCode }).count()).toBe(1);
    },
  );

  for (const width of [1280, 390])
    it(
      `has no serious or critical axe-core finding at ${width} px, on the card and with the menu open`,
      { timeout: 60_000 },
      async () => {
        const page = await openChat('en-US', width);
        await registerAnna(page, `+3736900002${width === 390 ? 1 : 2}`);
        await choose(page, '💳 My card');
        await eventually(() => botMessages(page).filter({ hasText: en.tillCode }).count()).toBe(2);
        expect(await seriousViolations(page)).toEqual([]);
        await page.locator('#menu-button').click();
        expect(await seriousViolations(page)).toEqual([]);
      },
    );

  it('clears the conversation on this device from the page', { timeout: 60_000 }, async () => {
    const page = await openChat('en-US');
    await registerAnna(page, '+37369000012');
    await page.getByRole('button', { name: 'Clear chat' }).click();
    await eventually(() => log(page).locator('.msg:not(.msg--typing)').allTextContents()).toEqual([
      'The conversation on this device has been cleared.',
    ]);
    await page.reload();
    await eventually(() => log(page).locator('.msg:not(.msg--typing)').allTextContents()).toEqual([
      'The conversation on this device has been cleared.',
    ]);
    expect(await page.evaluate(() => localStorage.getItem('loyalty-webchat:v2'))).not.toContain('Anna');
    await choose(page, '💰 Balance');
    await botSays(page, en.balance);
  });

  it('forgets what it kept more than 30 days ago', async () => {
    const page = await openChat('en-US');
    await botSays(page, en.consent);
    await page.evaluate(() => {
      const day = 24 * 60 * 60 * 1000;
      const transcript = [
        { from: 'user', text: 'an old message', at: Date.now() - 31 * day },
        { from: 'user', text: 'a recent message', at: Date.now() - 29 * day },
      ];
      localStorage.setItem('loyalty-webchat:v2', JSON.stringify({ transcript, outbox: [], menu: [] }));
      localStorage.setItem(
        'loyalty-webchat:v1',
        JSON.stringify({ transcript: [{ from: 'bot', text: 'One-time code for the till: 123456' }], outbox: [] }),
      );
    });
    await page.reload();
    await eventually(() => userMessages(page).allTextContents()).toEqual(['a recent message']);
    expect(await page.evaluate(() => localStorage.getItem('loyalty-webchat:v1'))).toBeNull();
  });

  it('tells a visitor who writes too fast, politely, to wait, then sends the message once', async () => {
    const page = await openChat('en-US');
    await botSays(page, en.consent);
    let posts = 0;
    await page.route('**/webchat/messages', async (route) => {
      posts += 1;
      if (posts > 1) return route.continue();
      return route.fulfill({
        status: 429,
        headers: { 'retry-after': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ error: 'rate-limited', notice: en.slowDown }),
      });
    });
    await press(page, 'I agree');
    await eventually(() => page.getByRole('status').textContent()).toBe(en.slowDown);
    await botSays(page, en.askName);
    await page.getByRole('status').waitFor({ state: 'hidden' });
    expect(posts).toBe(2);
  });

  it('relabels the page at once when the visitor switches language in the chat', async () => {
    const page = await openChat('en-US');
    await press(page, 'I agree');
    await botSays(page, en.askName);
    await press(page, 'Română');
    await botSays(page, 'Acum vorbesc românește.');
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('ro');
    expect(await page.title()).toBe('Asistentul programului de fidelitate');
    expect(await page.getByRole('heading').textContent()).toBe('Asistentul programului de fidelitate');
    expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe('Scrieți un mesaj…');
    expect(await page.getByRole('textbox').getAttribute('aria-label')).toBe('Scrieți un mesaj…');
    expect(await page.getByRole('button', { name: 'Trimite' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Șterge conversația' }).isVisible()).toBe(true);
    expect(await page.locator('#menu-button').getAttribute('aria-label')).toBe('Meniu');
  });

  it(
    'keeps the main menu behind one Menu control, and a reply carries only its own buttons',
    { timeout: 60_000 },
    async () => {
      const page = await openChat('en-US');
      await registerAnna(page, '+37369000013');
      await choose(page, '💰 Balance');
      await botSays(page, en.balance);
      await choose(page, '📜 History');
      await eventually(() => botMessages(page).count()).toBeGreaterThan(8);
      expect(await log(page).getByRole('button', { name: '💰 Balance' }).count()).toBe(0);
      await page.locator('#menu-button').click();
      // Eleven entries: balance, card, history, invite, notifications, language, complaint, human, help, my chats, my data.
      expect(await page.locator('#menu').getByRole('button').count()).toBe(11);
      await page.keyboard.press('Escape');
      await page.locator('#menu').waitFor({ state: 'hidden' });

      await choose(page, '🌐 Language');
      await botMessages(page).last().getByRole('button', { name: 'Română' }).waitFor();
    },
  );

  it.each([390, 1280])(
    'reaches the message box in a few Tab presses after a whole session, at %i px wide',
    { timeout: 60_000 },
    async (width) => {
      const page = await openChat('en-US', width);
      await registerAnna(page, width === 390 ? '+37369000014' : '+37369000019');
      await choose(page, '💰 Balance');
      await botSays(page, en.balance);
      await choose(page, '🌐 Language');
      await botMessages(page).last().getByRole('button', { name: 'Română' }).waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let presses = 0;
      while (presses < 30 && !(await page.evaluate(() => document.activeElement?.id === 'input'))) {
        await page.keyboard.press('Tab');
        presses += 1;
      }
      // Clear chat, the transcript, the language buttons of the newest reply, Menu, Attach, then the message box.
      expect(presses).toBeLessThanOrEqual(7);
    },
  );

  it.each([
    ['ru-RU', 390],
    ['ro-RO', 390],
    ['en-US', 390],
    ['ru-RU', 320],
  ])(
    'at %s, %i px wide, keeps every emoji with its word and, from 390 px, the whole placeholder in view',
    { timeout: 60_000 },
    async (locale, width) => {
      const page = await openChat(locale, width);
      await log(page).getByRole('button').first().waitFor();
      await log(page).getByRole('button').first().click();
      await botMessages(page).nth(2).waitFor();
      await type(page, 'Anna');
      await botMessages(page).nth(3).waitFor();
      await type(page, `+373690${width}${['ru-RU', 'ro-RO', 'en-US'].indexOf(locale)}0`);
      await botMessages(page).nth(4).waitFor();
      await log(page).getByRole('button').last().click();
      await page.locator('#menu-button').waitFor();
      await page.locator('#menu-button').click();
      expect(await emojiBreaks(page)).toEqual([]);
      expect(await overflowingButtons(page)).toEqual([]);
      // Below 390 px a Russian placeholder may be cut; the promise is for today's common phones.
      if (width >= 390) expect(await placeholderFits(page)).toBe(true);
      await page.screenshot({ path: `/tmp/webchat-${width}-${locale}.png` });
    },
  );

  it(
    'sends an attached photo to the person the visitor is talking to, and refuses a file that is no photo',
    { timeout: 60_000 },
    async () => {
      const page = await openChat('en-US');
      await registerAnna(page, '+37369000018');
      await choose(page, '🙋 Talk to a person');
      await eventually(() => app.db.prisma.ticket.count()).toBeGreaterThan(0);
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      await page.locator('#photo').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: png });
      await page.getByRole('status').filter({ hasText: '📷 receipt.png' }).waitFor();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await eventually(() => userMessages(page).last().textContent()).toBe('📷 Photo');
      await eventually(() =>
        app.db.prisma.ticketMessage.count({ where: { photoFileId: { not: null } } }),
      ).toBeGreaterThan(0);

      await page
        .locator('#photo')
        .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('a text file in disguise') });
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await log(page).locator('.msg--note', { hasText: 'I can take photos in JPEG, PNG or WebP only.' }).waitFor();
      expect(await page.getByRole('button', { name: 'Attach a photo' }).isVisible()).toBe(true);
    },
  );
});

describe('POST /webchat/messages', () => {
  it('refuses a malformed message with 400 and changes nothing', async () => {
    const visitor = await newVisitor();
    const chatsBefore = await app.db.prisma.chat.count();
    const refused = await visitor.post({ id: 'short', event: { kind: 'button', payload: 'consent:yes:en' } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: 'id must be 8–64 characters of letters, digits, _ or -',
      notice: 'This message could not be sent. Please write it again, a little shorter.',
    });
    const notJson = await visitor.post('{"id": "msg-00001", "event": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      notice: 'This message could not be sent. Please write it again, a little shorter.',
    });

    expect(await app.db.prisma.chat.count()).toBe(chatsBefore);
    const next = await visitor.post({ id: 'msg-00002', event: { kind: 'text', text: 'Anna' } });
    expect(((await next.json()) as Answer).replies[0]?.text).toContain(en.consent);
  });

  it('answers a repeated id with the same replies and no second effect, so a lost response is not a lost answer', async () => {
    const visitor = await newVisitor();
    const message = { id: 'msg-repeated-1', event: { kind: 'button', payload: 'consent:yes:en' } };
    const first = (await (await visitor.post(message)).json()) as Answer;
    const second = (await (await visitor.post(message)).json()) as Answer;
    expect(first.replies.map((reply) => reply.text)).toEqual([
      'Thank you! It will take less than a minute.',
      en.askName,
    ]);
    expect(second).toEqual(first);
    const name = (await (
      await visitor.post({ id: 'msg-repeated-2', event: { kind: 'text', text: 'Anna' } })
    ).json()) as Answer;
    expect(name.replies[0]?.text).toContain('Nice to meet you, Anna!');
  });
});

interface Answer {
  replies: { text: string }[];
}

/** A visitor without a browser: the cookie from the page, then JSON posts. */
async function newVisitor() {
  const page = await fetch(`${app.url}/`, { headers: { 'accept-language': 'en' } });
  const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
  return {
    post: (body: unknown) =>
      fetch(`${app.url}/webchat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en', cookie },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

function openChat(locale: string, width = 420): Promise<Page> {
  return pages.open(app.url, { locale, viewport: { width, height: 860 } });
}

async function registerAnna(page: Page, phone: string): Promise<void> {
  await press(page, 'I agree');
  await type(page, 'Anna');
  await botSays(page, en.askPhone);
  await type(page, phone);
  await botSays(page, en.askBirthday);
  await type(page, '29.02');
  await botSays(page, en.welcome);
}

/** Whether the input's placeholder is drawn whole inside its box. */
function placeholderFits(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const input = document.getElementById('input') as HTMLInputElement;
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
  });
}

/** Labels of visible buttons whose text does not fit inside them. */
function overflowingButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('button.action'))
      .filter((button) => button.offsetParent !== null && button.scrollWidth > button.clientWidth)
      .map((button) => button.textContent ?? ''),
  );
}

/** Labels of visible buttons whose leading emoji ended up on another line than the word after it. */
function emojiBreaks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('button.action'))
      .filter((button) => button.offsetParent !== null)
      .filter((button) => {
        const text = button.firstChild;
        const match = text && /^(\p{Extended_Pictographic}\uFE0F?)[\s\u00A0]/u.exec(text.textContent ?? '');
        if (!text || !match) return false;
        const rectOf = (start: number, end: number) => {
          const range = document.createRange();
          range.setStart(text, start);
          range.setEnd(text, end);
          return range.getBoundingClientRect();
        };
        const emoji = rectOf(0, match[1]!.length);
        const word = rectOf(match[0].length, match[0].length + 1);
        return Math.abs((emoji.top + emoji.bottom) / 2 - (word.top + word.bottom) / 2) > word.height / 2;
      })
      .map((button) => button.textContent ?? ''),
  );
}
