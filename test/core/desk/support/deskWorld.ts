import { offerPayload } from '../../../../core/understanding/offerTicket.ts';
import { defaultUnderstanding } from '../../../../app/understanding.ts';
// The staff desk as a member and staff meet it, without Slack: the assistant
// and the staff desk built the way the application builds them, on a fresh
// database, with a clock the test moves. Members register through the bot
// and then talk to it with Inbound updates; what the desk queued for staff and
// for the customer is read back from the outbox.
import { assistantMenu } from '../../../../app/assistantMenu.ts';
import { deskDepsFor } from '../../../../app/desk.ts';
import { createAssistant, type Assistant } from '../../../../core/assistant.ts';
import type { DeskDeps } from '../../../../core/desk/deskPorts.ts';
import { parseDeskPost, type DeskPost } from '../../../../core/desk/deskPost.ts';
import type { StaffRef } from '../../../../core/desk/deskPorts.ts';
import { defaultDeskSettings, type DeskSettings } from '../../../../core/desk/deskSettings.ts';
import { createStaffDesk, type StaffDesk } from '../../../../core/desk/staffDesk.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { createTranslator, type Translate } from '../../../../core/i18n/translator.ts';
import type { Inbound, InboundEvent } from '../../../../core/inbound.ts';
import { silentLogger } from '../../../../core/logger.ts';
import type { Outbound } from '../../../../core/outbound.ts';
import { menuPayload, payload } from '../../../../core/payloads.ts';
import { createPointsService } from '../../../../core/points/pointsService.ts';
import { defaultProgramSettings } from '../../../../core/settings/programSettings.ts';
import type { Provider } from '../../../../core/storage/db/openDatabase.ts';
import { createPointsStore } from '../../../../core/storage/points/createPointsStore.ts';
import { createConversationStores } from '../../../../core/storage/conversation/createConversationStores.ts';
import { parseReplies } from '../../../../core/storage/conversation/storedReplies.ts';
import { createTillStore } from '../../../../core/storage/till/createTillStore.ts';
import { createTestDatabase, type TestDatabase } from '../../../support/testDatabase.ts';

/** When every world starts: a weekday morning in Chisinau. */
export const start = new Date('2026-03-10T08:00:00Z');
export const translator = createTranslator();
export const tr = (locale: Locale): Translate => translator.forLocale(locale);

export const ana: StaffRef = { id: 'U-ANA', name: 'Ana' };
export const bogdan: StaffRef = { id: 'U-BOGDAN', name: 'Bogdan' };

/** Staff read English in these tests unless a test says otherwise, so their posts read plainly. */
export const worldDeskSettings: DeskSettings = { ...defaultDeskSettings, staffLocale: 'en' };

export interface DeskWorld {
  db: TestDatabase;
  desk: DeskDeps;
  assistant: Assistant;
  staff: StaffDesk;
  now(): Date;
  /** Moves the clock on. */
  advance(minutes: number): void;
  /** A new member who registered through the bot in `locale`, on Telegram; named in join order unless `name` is given. */
  join(locale?: Locale, name?: string): Promise<Customer>;
  dispose(): Promise<void>;
}

/** A registered member and the Telegram chat they write from. */
export interface Customer {
  address: string;
  name: string;
  /** As typed at registration (national format). */
  phone: string;
  locale: Locale;
  says(text: string): Promise<Outbound[]>;
  /** Types a text the bot answers with an offer of a person, and says Yes to it: the replies to Yes. */
  complains(text: string): Promise<Outbound[]>;
  presses(payload: string): Promise<Outbound[]>;
  commands(command: string, payload?: string): Promise<Outbound[]>;
  sendsPhoto(fileId: string, caption?: string): Promise<Outbound[]>;
  /** Sends an update as built by `update`, so a test can deliver it twice. */
  sends(update: Inbound): Promise<Outbound[]>;
  update(event: InboundEvent): Inbound;
}

let worlds = 0;
/** Members are named in the order they join. */
const names = ['Anna', 'Boris', 'Ion', 'Maria', 'Elena', 'Victor'];

export async function createDeskWorld(
  provider: Provider,
  settings: Partial<DeskSettings> = {},
  /** Whether a desk (Slack) is connected, so a waiting time may be promised; connected unless told. */
  deskConnected = true,
): Promise<DeskWorld> {
  const db = await createTestDatabase(provider);
  let now = start;
  const clock = () => now;
  const desk = deskDepsFor(db, translator, { ...worldDeskSettings, ...settings }, () => deskConnected);
  const points = createPointsService({ store: createPointsStore(db), translator, clock, log: silentLogger });
  const assistant = createAssistant({
    ...createConversationStores(db),
    menu: assistantMenu(),
    understanding: defaultUnderstanding(),
    translator,
    desk,
    settings: defaultProgramSettings,
    clock,
    log: silentLogger,
    points,
    till: createTillStore(db),
  });
  const staff = createStaffDesk({
    desk,
    translator,
    settings: defaultProgramSettings,
    loadRules: points.rules,
    clock,
    log: silentLogger,
  });
  worlds += 1;
  const world = worlds;
  let members = 0;
  return {
    db,
    desk,
    assistant,
    staff,
    now: clock,
    advance: (minutes) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    join: async (locale = 'en', name = names[members % names.length]!) => {
      members += 1;
      const customer = customerOn(assistant, {
        address: `${world}0${members}`,
        name,
        phone: `0691234${String(members).padStart(2, '0')}`,
        locale,
      });
      await register(customer);
      return customer;
    },
    dispose: () => db.dispose(),
  };
}

export function customerOn(
  assistant: Assistant,
  who: Pick<Customer, 'address' | 'name' | 'phone' | 'locale'>,
): Customer {
  let updates = 0;
  const update = (event: InboundEvent): Inbound => {
    updates += 1;
    return { channel: 'telegram', address: who.address, updateId: `${who.address}:${updates}`, event };
  };
  const send = (event: InboundEvent) => assistant.handle(update(event));
  return {
    ...who,
    says: (text) => send({ kind: 'text', text }),
    complains: async (text) => {
      const offer = await send({ kind: 'text', text });
      if (!buttonPayloads(offer).includes(offerPayload.yes))
        throw new Error(`"${text}" got no offer of a person: ${JSON.stringify(texts(offer))}.`);
      return send({ kind: 'button', payload: offerPayload.yes });
    },
    presses: (value) => send({ kind: 'button', payload: value }),
    commands: (command, words) => send({ kind: 'command', command, ...(words !== undefined && { payload: words }) }),
    sendsPhoto: (fileId, caption) => send({ kind: 'photo', fileId, ...(caption !== undefined && { caption }) }),
    sends: (inbound) => assistant.handle(inbound),
    update,
  };
}

export async function register(customer: Customer): Promise<void> {
  await customer.presses(payload.consentAccept(customer.locale));
  await customer.says(customer.name);
  // Shared with Telegram's contact button, as most customers do: a proven number earns the welcome bonus at once.
  await customer.sends(customer.update({ kind: 'contact', phone: customer.phone, ownership: 'proven' }));
  const replies = await customer.says('23.11.1990');
  if (!replies.some((reply) => reply.buttons?.flat().some((button) => button.payload === menuPayload('balance')))) {
    throw new Error(
      `Registering ${customer.name} did not end at the menu: ${JSON.stringify(replies.map((reply) => reply.text))}.`,
    );
  }
}

// ——— Reading back what happened ———

export const tickets = (db: TestDatabase) =>
  db.prisma.ticket.findMany({ orderBy: [{ openedAt: 'asc' }, { id: 'asc' }] });

export async function onlyTicket(db: TestDatabase) {
  const all = await tickets(db);
  if (all.length !== 1) throw new Error(`Expected exactly one ticket, found ${all.length}.`);
  return all[0]!;
}

export const ticketMessages = (db: TestDatabase, ticketId: string) =>
  db.prisma.ticketMessage.findMany({ where: { ticketId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

/** The posts queued for the staff channel (one ticket's, or all), oldest first. */
export async function deskPosts(db: TestDatabase, ticketId?: string): Promise<DeskPost[]> {
  const rows = await db.prisma.outboxMessage.findMany({
    where: { channel: 'desk', ...(ticketId && { address: ticketId }) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => {
    const post = parseDeskPost(row.payload);
    if (!post) throw new Error(`Outbox row ${row.id} holds no desk post: ${row.payload}.`);
    return post;
  });
}

export const threadPosts = async (db: TestDatabase, ticketId?: string) =>
  (await deskPosts(db, ticketId)).filter(
    (post): post is Extract<DeskPost, { kind: 'thread' }> => post.kind === 'thread',
  );

/** What was queued for the customer's own chat, oldest first. */
export async function queuedFor(db: TestDatabase, customer: Customer): Promise<Outbound[]> {
  const rows = await db.prisma.outboxMessage.findMany({
    where: { channel: 'telegram', address: customer.address },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.flatMap((row) => parseReplies(row.payload) ?? []);
}

export async function chatState(db: TestDatabase, customer: Customer): Promise<unknown> {
  const chat = await db.prisma.chat.findUniqueOrThrow({
    where: { channel_address: { channel: 'telegram', address: customer.address } },
  });
  return JSON.parse(chat.state);
}

/** Everything the desk wrote, to show that something changed nothing. */
export async function deskRows(db: TestDatabase) {
  return {
    tickets: await db.prisma.ticket.findMany({ orderBy: { id: 'asc' } }),
    messages: await db.prisma.ticketMessage.count(),
    outbox: await db.prisma.outboxMessage.count(),
  };
}

export const texts = (replies: Outbound[]) => replies.map((reply) => reply.text);
export const buttonPayloads = (replies: Outbound[]) =>
  replies.flatMap((reply) => reply.buttons?.flat() ?? []).flatMap((button) => button.payload ?? []);
