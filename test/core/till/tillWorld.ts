import { defaultUnderstanding } from '../../../app/understanding.ts';
// A till on a real database: the assistant as the application builds it, a
// clock the test moves, a member who registered through the web chat, and a
// cashier holding the role as a StaffMember row.
import { assistantMenu } from '../../../app/assistantMenu.ts';
import { createAssistant, type Assistant } from '../../../core/assistant.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { Channel, Inbound, InboundEvent } from '../../../core/inbound.ts';
import { silentLogger } from '../../../core/logger.ts';
import type { Outbound } from '../../../core/outbound.ts';
import { menuPayload, payload } from '../../../core/payloads.ts';
import { createPointsService } from '../../../core/points/pointsService.ts';
import { programRulesSchema } from '../../../core/program/programRules.ts';
import { defaultProgramSettings } from '../../../core/settings/programSettings.ts';
import type { Provider } from '../../../core/storage/db/openDatabase.ts';
import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import { createConversationStores } from '../../../core/storage/conversation/createConversationStores.ts';
import { createTillStore } from '../../../core/storage/till/createTillStore.ts';
import { createTestDatabase } from '../../support/testDatabase.ts';
import { deskDepsFor } from '../../../app/desk.ts';
import { defaultDeskSettings } from '../../../core/desk/deskSettings.ts';

export const translator = createTranslator();
export const en = translator.forLocale('en');
export const start = new Date('2026-03-10T10:00:00Z');
export const CASHIER = '5001';
export const MEMBER = 'visitor-1';

export const text = (value: string): InboundEvent => ({ kind: 'text', text: value });
export const press = (value: string): InboundEvent => ({ kind: 'button', payload: value });
export const command = (name: string): InboundEvent => ({ kind: 'command', command: name });

export const texts = (replies: Outbound[]) => replies.map((reply) => reply.text);
export const payloads = (replies: Outbound[]) =>
  replies.flatMap((reply) => reply.buttons?.flat() ?? []).flatMap((button) => button.payload ?? []);
/** The payload of the button labelled `label` in these replies. */
export function buttonIn(replies: Outbound[], label: string): string {
  const button = replies.flatMap((reply) => reply.buttons?.flat() ?? []).find((b) => b.label === label);
  if (button?.payload === undefined)
    throw new Error(`No button "${label}" in: ${JSON.stringify(replies.map((r) => r.buttons))}`);
  return button.payload;
}

let updates = 0;

export async function createTillWorld(provider: Provider) {
  const db = await createTestDatabase(provider);
  let now = start;
  const clock = () => now;
  const points = createPointsService({ store: createPointsStore(db), translator, clock, log: silentLogger });
  const assistant: Assistant = createAssistant({
    ...createConversationStores(db),
    menu: assistantMenu(),
    understanding: defaultUnderstanding(),
    translator,
    desk: deskDepsFor(db, translator, defaultDeskSettings),
    settings: defaultProgramSettings,
    clock,
    log: silentLogger,
    points,
    till: createTillStore(db),
  });
  const send = (channel: Channel, address: string, event: InboundEvent, extra: Partial<Inbound> = {}) => {
    updates += 1;
    return assistant.handle({ channel, address, updateId: `u${updates}`, event, ...extra });
  };
  return {
    db,
    points,
    assistant,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    useRules: (overrides: Record<string, unknown>) => points.saveRules(programRulesSchema.parse(overrides)),
    /** The cashier, on Telegram, whose app speaks English unless told otherwise. */
    cashier: (event: InboundEvent, languageHint = 'en') => send('telegram', CASHIER, event, { languageHint }),
    /** The member (or anyone else) writing from the web chat. */
    customer: (event: InboundEvent, address = MEMBER) => send('web', address, event),
    /** A cashier as an administrator grants one: a StaffMember row for their Telegram chat. */
    grantCashier: (address = CASHIER) =>
      db.prisma.staffMember.create({
        data: { id: crypto.randomUUID(), channel: 'telegram', address, name: 'Ion', role: 'cashier', grantedAt: now },
      }),
    register: (address = MEMBER, phone = '069123456', locale: Locale = 'en') => register(send, address, phone, locale),
    /** The one-time code on the member's card screen, as the member sees it. */
    cardCode: async (address = MEMBER) =>
      codeIn(await send('web', address, { kind: 'button', payload: menuPayload('card') })),
    member: (phone = '+37369123456') => db.prisma.member.findUniqueOrThrow({ where: { phone } }),
    purchases: () => db.prisma.purchase.findMany(),
    dispose: () => db.dispose(),
  };
}

export type TillWorld = Awaited<ReturnType<typeof createTillWorld>>;

type Send = (channel: Channel, address: string, event: InboundEvent) => Promise<Outbound[]>;

async function register(send: Send, address: string, phone: string, locale: Locale): Promise<void> {
  await send('web', address, text('hello'));
  await send('web', address, press(payload.consentAccept(locale)));
  await send('web', address, text('Anna'));
  // Their own contact, a proven number: the welcome bonus is on the card from the start.
  await send('web', address, { kind: 'contact', phone, ownership: 'proven' });
  await send('web', address, text('23.11.1990'));
}

function codeIn(replies: Outbound[]): string {
  const code = /\b(\d{6})\b/.exec(replies.map((reply) => reply.text).join('\n'))?.[1];
  if (!code) throw new Error(`No one-time code on the card screen: ${JSON.stringify(texts(replies))}`);
  return code;
}
