// The quizzes API: what a marketer sends is checked field by field, a
// published quiz that members played keeps its questions and scoring, every
// change is audited, results come as JSON and as CSV.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { quizBody, startQuizApp, testClock, type QuizApp } from '../core/quizzes/support/quizApp.ts';
import { quizPlayer } from '../core/quizzes/support/quizPlayer.ts';

type Problem = {
  type: string;
  status: number;
  detail: string;
  errors?: { pointer: string; detail: string; reason?: string }[];
};
type QuizView = { id: string; state: string; version: number; warnings: { pointer: string; missing: string[] }[] };

describeEachProvider('Quizzes API', (provider) => {
  const clock = testClock();
  let quizApp: QuizApp;

  beforeAll(async () => {
    quizApp = await startQuizApp(provider, clock.now);
  });

  afterAll(async () => {
    await quizApp?.stop();
  });

  const create = (overrides: Record<string, unknown> = {}) =>
    quizApp.call<QuizView & Problem>('POST', '/api/v1/quizzes', quizBody(overrides));

  it('creates a draft or a published quiz, and warns about every text missing a language', async () => {
    const draft = await create({ published: false });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', version: 1 });
    expect(draft.body.warnings).toContainEqual({ pointer: '/intro', missing: ['ru', 'ro'] });
    expect(draft.body.warnings).toContainEqual({ pointer: '/questions/0/options/0', missing: ['ru', 'ro'] });
    expect(draft.body.warnings.find((w) => w.pointer === '/title')).toBeUndefined();
    const published = await create();
    expect(published.body.state).toBe('published');
    const list = await quizApp.call<{ quizzes: (QuizView & { participants: number })[] }>('GET', '/api/v1/quizzes');
    expect(list.body.quizzes.map((quiz) => quiz.id)).toEqual(
      expect.arrayContaining([draft.body.id, published.body.id]),
    );
    const one = await quizApp.call<QuizView>('GET', `/api/v1/quizzes/${draft.body.id}`);
    expect(one.body).toMatchObject({ id: draft.body.id, state: 'draft' });
  });

  it('refuses a quiz that breaks the rules, naming each field, and stores nothing', async () => {
    const before = await quizApp.app.db.prisma.quiz.count();
    const base = quizBody();
    const cases: [Record<string, unknown>, string][] = [
      [{ questions: [] }, '/questions'],
      [{ questions: Array.from({ length: 21 }, () => base.questions[0]) }, '/questions'],
      [{ questions: [{ ...base.questions[0], options: [{ en: 'only one' }] }] }, '/questions/0/options'],
      [
        { questions: [{ ...base.questions[0], options: Array.from({ length: 7 }, (_, i) => ({ en: `o${i}` })) }] },
        '/questions/0/options',
      ],
      [{ questions: [{ ...base.questions[0], correct: [4] }] }, '/questions/0/correct/0'],
      [{ secondsPerQuestion: 4 }, '/secondsPerQuestion'],
      [{ secondsPerQuestion: 121 }, '/secondsPerQuestion'],
      [{ opensAt: '2026-12-08T00:00:00Z', closesAt: '2026-12-08T00:00:00Z' }, '/closesAt'],
      [{ title: {} }, '/title'],
      [{ questions: [{ ...base.questions[0], imageUrl: 'http://shop.example/beans.jpg' }] }, '/questions/0/imageUrl'],
      [{ questions: [{ ...base.questions[0], imageUrl: 'javascript:alert(1)' }] }, '/questions/0/imageUrl'],
      [
        { questions: [{ ...base.questions[0], imageUrl: 'https://me:secret@shop.example/a.jpg' }] },
        '/questions/0/imageUrl',
      ],
    ];
    for (const [overrides, pointer] of cases) {
      const refused = await create(overrides);
      expect(refused.status, pointer).toBe(400);
      expect(refused.body.type).toBe('/api/problems/validation');
      expect(
        refused.body.errors?.map((error) => error.pointer),
        pointer,
      ).toContain(pointer);
    }
    expect(await quizApp.app.db.prisma.quiz.count()).toBe(before);
  });

  it('keeps a question’s https picture with the quiz, as the URL parser writes it', async () => {
    const base = quizBody();
    const created = await create({
      questions: [{ ...base.questions[0], imageUrl: 'HTTPS://Shop.Example/quiz/beans photo.jpg' }, base.questions[1]],
    });
    expect(created.status).toBe(201);
    const read = await quizApp.call<{ questions: { imageUrl?: string }[] }>(
      'GET',
      `/api/v1/quizzes/${created.body.id}`,
    );
    expect(read.body.questions.map((question) => question.imageUrl)).toEqual([
      'https://shop.example/quiz/beans%20photo.jpg',
      undefined,
    ]);
  });

  it('names the quiz rule each refusal breaks, in a word a client can translate', async () => {
    const base = quizBody();
    const question = base.questions[0]!;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: {} }, '/title', 'needs-a-language'],
      [{ questions: [{ ...question, correct: [4] }] }, '/questions/0/correct/0', 'no-such-option'],
      [{ questions: [{ ...question, correct: [0, 0] }] }, '/questions/0/correct', 'option-twice'],
      [{ questions: [{ ...question, correct: [0, 1, 2, 3] }] }, '/questions/0/correct', 'no-wrong-option'],
      [{ opensAt: '2026-12-08T00:00:00Z', closesAt: '2026-12-01T00:00:00Z' }, '/closesAt', 'closes-before-opens'],
      [
        { questions: [{ ...question, imageUrl: 'https://shop:secret@shop.example/beans.jpg' }] },
        '/questions/0/imageUrl',
        'has-credentials',
      ],
    ];
    for (const [overrides, pointer, reason] of cases) {
      const refused = await create(overrides);
      expect(refused.status, reason).toBe(400);
      expect(refused.body.errors, reason).toContainEqual(expect.objectContaining({ pointer, reason }));
    }
  });

  it('edits a draft freely, then locks the questions and scoring of a published quiz once someone played', async () => {
    const { body: quiz } = await create({ published: false });
    const edited = await quizApp.call<QuizView>('PUT', `/api/v1/quizzes/${quiz.id}`, {
      ...quizBody({ pointsPerCorrect: 20 }),
      published: undefined,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ pointsPerCorrect: 20, version: 2 });
    expect((await quizApp.call<QuizView>('POST', `/api/v1/quizzes/${quiz.id}/publish`)).body.state).toBe('published');
    // Published but unplayed: it can still change.
    const stillFree = await quizApp.call('PUT', `/api/v1/quizzes/${quiz.id}`, {
      ...quizBody({ pointsPerCorrect: 15 }),
      published: undefined,
    });
    expect(stillFree.status).toBe(200);
    const player = quizPlayer(quizApp, `api-quiz-${provider}`);
    await player.joins('Ana Popescu', provider === 'sqlite' ? '+37369111001' : '+37369111002');
    await player.presses(`quiz:open:${quiz.id}`);
    const locked = await quizApp.call<Problem>('PUT', `/api/v1/quizzes/${quiz.id}`, {
      ...quizBody({ pointsPerCorrect: 100 }),
      published: undefined,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.type).toBe('/api/problems/quiz-locked');
    expect(
      (await quizApp.call<{ pointsPerCorrect: number }>('GET', `/api/v1/quizzes/${quiz.id}`)).body.pointsPerCorrect,
    ).toBe(15);
    // A new title leaves the playing as it was: allowed.
    const retitled = await quizApp.call<{ title: { en: string } }>('PUT', `/api/v1/quizzes/${quiz.id}`, {
      ...quizBody({ pointsPerCorrect: 15, title: { en: 'Coffee quiz, week 49' } }),
      published: undefined,
    });
    expect(retitled.status).toBe(200);
    expect(retitled.body.title.en).toBe('Coffee quiz, week 49');
    const closed = await quizApp.call<QuizView>('POST', `/api/v1/quizzes/${quiz.id}/close`);
    expect(closed.body.state).toBe('closed');
    expect((await quizApp.call<Problem>('POST', `/api/v1/quizzes/${quiz.id}/publish`)).body.type).toBe(
      '/api/problems/quiz-closed',
    );
    expect(
      (await quizApp.call<Problem>('PUT', `/api/v1/quizzes/${quiz.id}`, { ...quizBody(), published: undefined }))
        .status,
    ).toBe(409);
    const audit = await quizApp.call<{ entries: { action: string; actor: string }[] }>(
      'GET',
      `/api/v1/audit?subject=quiz:${quiz.id}`,
    );
    expect(audit.body.entries.map((entry) => entry.action).sort()).toEqual(
      ['quiz.closed', 'quiz.created', 'quiz.published', 'quiz.updated', 'quiz.updated', 'quiz.updated'].sort(),
    );
  });

  it('answers 404 for a quiz that does not exist, on every route', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [
      ['GET', ''],
      ['POST', '/publish'],
      ['POST', '/close'],
      ['GET', '/results'],
      ['GET', '/results.csv'],
    ] as const) {
      const response = await quizApp.call<Problem>(method, `/api/v1/quizzes/${missing}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body.type).toBe('/api/problems/quiz-not-found');
    }
    const put = await quizApp.call<Problem>('PUT', `/api/v1/quizzes/${missing}`, {
      ...quizBody(),
      published: undefined,
    });
    expect(put.status).toBe(404);
  });

  it('shows results with short names, per-question figures and the score distribution, and the same as CSV', async () => {
    const { body: quiz } = await create();
    const ana = quizPlayer(quizApp, `results-${provider}`);
    await ana.joins('Ana Maria Popescu', provider === 'sqlite' ? '+37369111003' : '+37369111004');
    let [, question] = await ana.presses(`quiz:open:${quiz.id}`);
    for (const label of ['Ethiopia', 'Latte', 'Drip coffee']) {
      clock.advance(2_000);
      question = (await ana.answers(question, label))[1];
    }
    const results = await quizApp.call<Record<string, unknown>>('GET', `/api/v1/quizzes/${quiz.id}/results`);
    expect(results.body).toMatchObject({
      participants: 1,
      completed: 1,
      completionRate: 1,
      pointsAwarded: 20,
      leaderboard: [{ rank: 1, name: 'Ana P.', score: 2, points: 20, seconds: 6 }],
      questions: [
        { index: 0, correctShare: 1, averageSeconds: 2 },
        { index: 1, correctShare: 0, averageSeconds: 2 },
        { index: 2, correctShare: 1, averageSeconds: 2 },
      ],
      scoreDistribution: [
        { score: 0, members: 0 },
        { score: 1, members: 0 },
        { score: 2, members: 1 },
        { score: 3, members: 0 },
      ],
    });
    const csv = await quizApp.call<string>('GET', `/api/v1/quizzes/${quiz.id}/results.csv`);
    expect(csv.status).toBe(200);
    // Saved under its own name, and never from a cache: the standings change while the quiz runs.
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="quiz-${quiz.id}-results.csv"`);
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const [header, line] = csv.body.trim().split('\r\n');
    expect(header).toBe('rank,memberId,name,score,points,seconds');
    expect(line).toMatch(/^1,[0-9a-f-]{36},Ana P\.,2,20,6$/);
  });

  it('lets a reports key read quizzes and results but not change them', async () => {
    const { body: quiz } = await create();
    const key = (
      await quizApp.call<{ key: string }>('POST', '/api/v1/api-keys', { name: 'Reports', scopes: ['reports'] })
    ).body.key;
    const asReports = (method: string, path: string, body?: unknown) =>
      fetch(`${quizApp.app.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    expect((await asReports('GET', '/api/v1/quizzes')).status).toBe(200);
    expect((await asReports('GET', `/api/v1/quizzes/${quiz.id}/results`)).status).toBe(200);
    expect((await asReports('POST', '/api/v1/quizzes', quizBody())).status).toBe(403);
    expect((await asReports('POST', `/api/v1/quizzes/${quiz.id}/close`)).status).toBe(403);
  });
});
