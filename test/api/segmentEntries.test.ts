// Segments by what members entered: a photo contest (any entry sent counts,
// however moderation decided) and a prize draw (an entry withdrawn by a
// refund does not). An id that names no contest or draw is refused at its
// field and changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

const DAY = 86_400_000;
const T0 = new Date('2026-09-01T09:00:00Z');

type Count = { members: number; sample: { name: string; joinedAt: string }[] };
type Problem = { type: string; status: number; errors?: { pointer: string }[] };

describeEachProvider('segments by contest and draw entries', (provider) => {
  let api: ApiTestApp;
  const ids: Record<string, string> = {};
  const contestId = `${provider}-contest`;
  const otherContestId = `${provider}-contest-2`;
  const drawId = `${provider}-draw`;

  const count = async (filters: Record<string, unknown>) => {
    const response = await api.call<Count>('POST', '/api/v1/segments/count', { body: { filters } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const names = async (filters: Record<string, unknown>) =>
    (await count(filters)).sample.map((member) => member.name).sort();

  beforeAll(async () => {
    api = await startApiTestApp(provider, { WELCOME_BONUS_POINTS: '0' }, () => T0);
    const people: [string, string][] = [
      ['Approved Entrant', '+37369200001'],
      ['Rejected Entrant', '+37369200002'],
      ['Pending Entrant', '+37369200003'],
      ['Draw Holder', '+37369200004'],
      ['Withdrawn Only', '+37369200005'],
      ['Withdrawn Then Held', '+37369200006'],
      ['Bystander', '+37369200007'],
    ];
    for (const [name, phone] of people) ids[name] = (await api.enrol(phone, { name, locale: 'ro' })).id;
    await contest(contestId);
    await contest(otherContestId);
    await api.app.db.prisma.draw.create({
      data: {
        id: drawId,
        title: JSON.stringify({ en: 'Autumn draw' }),
        prizes: '[]',
        entryKind: 'purchase',
        entry: '{}',
        opensAt: T0,
        closesAt: new Date(T0.getTime() + 30 * DAY),
        drawAt: new Date(T0.getTime() + 31 * DAY),
        seed: 'seed',
        commitment: 'commitment',
        createdAt: T0,
      },
    });
    await entry(contestId, 'Approved Entrant', 'approved');
    await entry(contestId, 'Rejected Entrant', 'rejected');
    await entry(otherContestId, 'Pending Entrant', 'pending');
    await drawEntry('Draw Holder', 'held-1', false);
    await drawEntry('Withdrawn Only', 'gone-1', true);
    await drawEntry('Withdrawn Then Held', 'gone-2', true);
    await drawEntry('Withdrawn Then Held', 'held-2', false);
  });

  afterAll(async () => {
    await api?.stop();
  });

  const contest = (id: string) =>
    api.app.db.prisma.contest.create({
      data: {
        id,
        title: JSON.stringify({ en: id }),
        submissionsOpenAt: T0,
        submissionsCloseAt: new Date(T0.getTime() + 10 * DAY),
        votingOpensAt: new Date(T0.getTime() + 10 * DAY),
        votingClosesAt: new Date(T0.getTime() + 20 * DAY),
        prizes: '[]',
        seed: 'seed',
        createdAt: T0,
      },
    });
  const entry = (contest: string, name: string, status: string) =>
    api.app.db.prisma.contestEntry.create({
      data: {
        id: `${contest}-${ids[name]}`,
        contestId: contest,
        memberId: ids[name]!,
        pictureId: `picture-${ids[name]}`,
        status,
        submittedAt: T0,
      },
    });
  const drawEntry = (name: string, purchase: string, withdrawn: boolean) =>
    api.app.db.prisma.drawEntry.create({
      data: {
        id: `${drawId}-${purchase}`,
        drawId,
        memberId: ids[name]!,
        source: `purchase:${purchase}:1`,
        withdrawnAt: withdrawn ? T0 : null,
        createdAt: T0,
      },
    });

  it('counts everyone who sent an entry to the contest, approved, rejected or not yet decided', async () => {
    expect(await names({ enteredContests: [contestId] })).toEqual(['Approved Entrant', 'Rejected Entrant']);
    expect(await names({ enteredContests: [contestId, otherContestId] })).toEqual([
      'Approved Entrant',
      'Pending Entrant',
      'Rejected Entrant',
    ]);
  });

  it('counts the holders of a draw entry, an entry withdrawn by a refund not counting', async () => {
    expect(await names({ enteredDraws: [drawId] })).toEqual(['Draw Holder', 'Withdrawn Then Held']);
    expect((await count({ enteredDraws: [drawId] })).sample.map((member) => member.joinedAt)).toEqual([
      T0.toISOString(),
      T0.toISOString(),
    ]);
  });

  it('ANDs the entries with the other filters: a contest and a draw at once matches nobody here', async () => {
    expect((await count({ enteredContests: [contestId], enteredDraws: [drawId] })).members).toBe(0);
    expect(await names({ enteredDraws: [drawId], locales: ['ro'] })).toEqual(['Draw Holder', 'Withdrawn Then Held']);
    expect(await names({ enteredDraws: [drawId], locales: ['ru'] })).toEqual([]);
  });

  it('keeps a saved segment by its entries, counted afresh', async () => {
    const saved = await api.call<{ id: string }>('POST', '/api/v1/segments', {
      body: { name: 'Took part', filters: { enteredDraws: [drawId] } },
    });
    expect(saved.status).toBe(201);
    const counted = await api.call<Count>('GET', `/api/v1/segments/${saved.body.id}/count`);
    expect(counted.body.members).toBe(2);
  });

  it('refuses an id no contest or draw has, at its field, and saves nothing', async () => {
    const before = await api.app.db.prisma.segment.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ enteredContests: [contestId, 'no-such-contest'] }, '/filters/enteredContests/1'],
      [{ enteredDraws: ['no-such-draw'] }, '/filters/enteredDraws/0'],
      [{ enteredContests: [drawId] }, '/filters/enteredContests/0'],
    ];
    for (const [filters, pointer] of cases) {
      for (const [path, body] of [
        ['/api/v1/segments', { name: 'Bad', filters }],
        ['/api/v1/segments/count', { filters }],
      ] as const) {
        const response = await api.call<Problem>('POST', path, { body });
        expect(response.status, `${path} ${JSON.stringify(filters)}`).toBe(422);
        expect(response.body.type).toBe('/api/problems/segment-reference-unknown');
        expect(response.body.errors?.map((error) => error.pointer)).toEqual([pointer]);
      }
    }
    expect(
      (await api.call<Problem>('POST', '/api/v1/segments', { body: { name: 'Bad', filters: { enteredDraws: [] } } }))
        .status,
    ).toBe(400);
    expect(await api.app.db.prisma.segment.count()).toBe(before);
  });
});
