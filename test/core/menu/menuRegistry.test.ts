import { defaultUnderstanding } from '../../../app/understanding.ts';
// A capability adds itself to the menu by registration alone: its entry's
// button, its command and its button payloads reach it, and nothing in the
// core's other files names it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskDepsFor } from '../../../app/desk.ts';
import { createAssistant, type Assistant } from '../../../core/assistant.ts';
import { deskMenuEntries } from '../../../core/desk/deskMenu.ts';
import { defaultDeskSettings } from '../../../core/desk/deskSettings.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import type { Inbound, InboundEvent } from '../../../core/inbound.ts';
import { silentLogger } from '../../../core/logger.ts';
import { coreMenuEntries } from '../../../core/menu/coreMenuEntries.ts';
import { createMenuRegistry } from '../../../core/menu/createMenuRegistry.ts';
import type { MenuEntry, PayloadKind } from '../../../core/menu/menuPorts.ts';
import { message, type Outbound } from '../../../core/outbound.ts';
import { menuPayload, payload } from '../../../core/payloads.ts';
import { createPointsService } from '../../../core/points/pointsService.ts';
import { referralMenuEntries } from '../../../core/referral/referralMenu.ts';
import { defaultProgramSettings } from '../../../core/settings/programSettings.ts';
import { createConversationStores } from '../../../core/storage/conversation/createConversationStores.ts';
import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import { createTillStore } from '../../../core/storage/till/createTillStore.ts';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.ts';

const translator = createTranslator();
const now = new Date('2026-03-10T10:00:00Z');
let updates = 0;
const inbound = (event: InboundEvent): Inbound => ({
  channel: 'web',
  address: 'visitor-1',
  updateId: `u${(updates += 1)}`,
  event,
});
const buttons = (replies: Outbound[]) => replies.flatMap((reply) => reply.buttons ?? []);

/** A stand-in for the next wave's quizzes: one menu entry, one command, one payload scope. */
const opened: string[] = [];
const quizEntry: MenuEntry = {
  id: 'quiz',
  label: 'menu.help',
  commands: ['quiz'],
  row: 5,
  open: async (_turn, _chat, member, text) => {
    opened.push(`open:${member.name}:${text}`);
    return [message('quiz started', [[{ label: 'A', payload: 'quiz:q1:a' }]])];
  },
};
const quizAnswers: PayloadKind = {
  scope: 'quiz',
  answer: async (_turn, _chat, _member, raw) => {
    opened.push(`answer:${raw}`);
    return [message('✅')];
  },
};

describe('the menu registry', () => {
  let db: TestDatabase;
  let assistant: Assistant;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    opened.length = 0;
    const menu = createMenuRegistry(
      [...coreMenuEntries, ...referralMenuEntries, ...deskMenuEntries, quizEntry],
      [quizAnswers],
    );
    assistant = createAssistant({
      ...createConversationStores(db),
      menu,
      understanding: defaultUnderstanding(),
      translator,
      desk: deskDepsFor(db, translator, defaultDeskSettings),
      settings: defaultProgramSettings,
      clock: () => now,
      log: silentLogger,
      points: createPointsService({ store: createPointsStore(db), translator, clock: () => now, log: silentLogger }),
      till: createTillStore(db),
    });
    await assistant.handle(inbound({ kind: 'text', text: 'hello' }));
    await assistant.handle(inbound({ kind: 'button', payload: payload.consentAccept('en') }));
    await assistant.handle(inbound({ kind: 'text', text: 'Anna' }));
    await assistant.handle(inbound({ kind: 'text', text: '069123456' }));
    await assistant.handle(inbound({ kind: 'button', payload: payload.skipBirthday }));
  });

  afterEach(async () => {
    await db.dispose();
  });

  it('shows a registered entry in the main menu, in a row of its own after the others', async () => {
    const rows = buttons(await assistant.handle(inbound({ kind: 'command', command: 'menu' })));
    expect(rows.at(-1)?.map((button) => button.payload)).toEqual([menuPayload('quiz')]);
    expect(rows[0]?.map((button) => button.payload)).toEqual([menuPayload('balance'), menuPayload('card')]);
  });

  it("opens the entry from its button and from its command, with the command's words", async () => {
    expect((await assistant.handle(inbound({ kind: 'button', payload: menuPayload('quiz') })))[0]?.text).toBe(
      'quiz started',
    );
    await assistant.handle(inbound({ kind: 'command', command: 'quiz', payload: 'weekly' }));
    expect(opened).toEqual(['open:Anna:', 'open:Anna:weekly']);
  });

  it("hands a press of the capability's own buttons to it, and answers an unknown scope politely", async () => {
    expect((await assistant.handle(inbound({ kind: 'button', payload: 'quiz:q1:a' })))[0]?.text).toBe('✅');
    expect(opened).toEqual(['answer:quiz:q1:a']);
    const unknown = await assistant.handle(inbound({ kind: 'button', payload: 'lottery:7' }));
    expect(unknown[0]?.text).toBe(translator.forLocale('en')('errors.unknownButton'));
  });

  it('answers a button of an entry that is no longer registered politely', async () => {
    const replies = await assistant.handle(inbound({ kind: 'button', payload: menuPayload('gone') }));
    expect(replies[0]?.text).toBe(translator.forLocale('en')('errors.unknownButton'));
  });

  it('refuses two capabilities registering the same command', () => {
    const clash: MenuEntry = { ...quizEntry, id: 'other', commands: ['balance'] };
    expect(() => createMenuRegistry([...coreMenuEntries, clash])).toThrow(/command "balance"/);
  });
});
