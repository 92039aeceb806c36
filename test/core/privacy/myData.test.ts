// "My data" in the chat: what is stored, and erasure at the member's own request, confirmed with a button.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Outbound } from '../../../core/outbound.ts';
import { privacyPayload } from '../../../core/privacy/privacyPayloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from '../../api/support/apiTestApp.ts';
import { webPerson } from '../../api/members/support/webPerson.ts';
import { seedAnswer } from '../../support/surveyAnswers.ts';

const labels = (reply: Outbound | undefined) => reply?.buttons?.flat().map((button) => button.label) ?? [];
const payloads = (reply: Outbound | undefined) =>
  reply?.buttons?.flat().flatMap((button) => button.payload ?? []) ?? [];

describeEachProvider('“My data” in the chat', (provider) => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp(provider, { WELCOME_BONUS_POINTS: '100' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('is on the main menu and lists what is stored, with the consent record', async () => {
    const person = webPerson(api, `mydata-en-${provider}`);
    const joined = await person.joins('Elena Ceban', '+37369888001');
    expect(labels(joined.at(-1))).toContain('🔒 My data');
    const [screen] = await person.opens('mydata');
    expect(screen!.text).toContain('Name: Elena Ceban');
    expect(screen!.text).toContain('Phone: +37369888001');
    expect(screen!.text).toContain('Birthday: 12 March 1990');
    expect(screen!.text).toContain('Balance: 100 points');
    expect(screen!.text).toContain('0 purchases on record');
    expect(screen!.text).toContain('Chats linked to your card: web chat');
    expect(screen!.text).toMatch(/You agreed to the programme terms on .+ \(text version .+\)/);
    expect(labels(screen)).toContain('🗑 Erase my data');
  });

  it('counts the survey answers given and the quizzes played, once there are some', async () => {
    const person = webPerson(api, `mydata-surveys-${provider}`);
    await person.joins('Ana Rusu', '+37369888009', '12.03.1990', 'ru');
    const [before] = await person.opens('mydata');
    expect(before!.text).not.toContain('в опросах');
    const member = await api.app.db.prisma.member.findUniqueOrThrow({ where: { phone: '+37369888009' } });
    for (const score of [9, 3]) await seedAnswer(api.app.db, { memberId: member.id, score, at: new Date() });
    const [after] = await person.opens('mydata');
    expect(after!.text).toContain('2 ответа в опросах');
  });

  it('speaks the member’s language, plurals included', async () => {
    const person = webPerson(api, `mydata-ru-${provider}`);
    await person.joins('Елена Чебан', '+37369888002', '12.03.1990', 'ru');
    const [screen] = await person.opens('mydata');
    expect(screen!.text).toContain('Имя: Елена Чебан');
    expect(screen!.text).toContain('Баланс: 100 баллов');
    expect(screen!.text).toContain('0 покупок в истории');
    expect(labels(screen)).toContain('🗑 Удалить мои данные');
  });

  it('asks before erasing, and Cancel keeps everything', async () => {
    const person = webPerson(api, `mydata-cancel-${provider}`);
    await person.joins('Radu Munteanu', '+37369888003', '12.03.1990', 'ro');
    const [ask] = await person.presses(privacyPayload.askErase);
    expect(ask!.text).toContain('100 de puncte se vor pierde');
    expect(payloads(ask)).toEqual(expect.arrayContaining([privacyPayload.confirmErase, privacyPayload.cancelErase]));
    const [cancelled] = await person.presses(privacyPayload.cancelErase);
    expect(cancelled!.text).toContain('Nu s-a șters nimic');
    const member = await api.app.db.prisma.member.findUniqueOrThrow({ where: { phone: '+37369888003' } });
    expect(member.erasedAt).toBeNull();
  });

  it('erases on Yes: the goodbye has no menu, the person is a stranger after it, and the audit log says who asked', async () => {
    const person = webPerson(api, `mydata-erase-${provider}`);
    await person.joins('Dorin Popa', '+37369888004');
    const { id } = await api.app.db.prisma.member.findUniqueOrThrow({ where: { phone: '+37369888004' } });
    await person.presses(privacyPayload.askErase);
    const goodbye = await person.presses(privacyPayload.confirmErase);
    expect(goodbye).toEqual([{ text: expect.stringContaining('Your data is erased') }]);
    const member = await api.app.db.prisma.member.findUniqueOrThrow({ where: { id } });
    expect(member).toMatchObject({ name: '', phone: null, balance: 0, erasedAt: expect.any(Date) });
    expect(await api.app.db.prisma.chat.count({ where: { address: person.address } })).toBe(0);
    const audit = await api.call<{ entries: { action: string; actor: string }[] }>(
      'GET',
      `/api/v1/audit?subject=member:${id}`,
    );
    expect(audit.body.entries[0]).toMatchObject({ action: 'member.erased', actor: 'member' });
    const [greeting] = await person.say({ kind: 'text', text: 'hello?' });
    expect(payloads(greeting).some((p) => p.startsWith('consent:yes'))).toBe(true);
  });

  it('opens with /mydata too', async () => {
    const person = webPerson(api, `mydata-command-${provider}`);
    await person.joins('Ana Rusu', '+37369888005');
    const [screen] = await person.say({ kind: 'command', command: 'mydata' });
    expect(screen!.text).toContain('Name: Ana Rusu');
  });
});
