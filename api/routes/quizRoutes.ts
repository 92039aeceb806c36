import { z } from 'zod';
import { lotExpiresAt } from '../../core/points/lotExpiresAt.ts';
import type { Quiz } from '../../core/quizzes/quiz.ts';
import { quizResults } from '../../core/quizzes/quizResults.ts';
import { quizContentShape, toQuizContent, withQuizChecks } from '../../core/quizzes/quizSchema.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiClient, type ApiRoute } from '../apiRoute.ts';
import { idParams } from '../fields.ts';
import { ApiProblem } from '../problem.ts';
import { quizResultsSchema, quizView, quizViewSchema, resultsCsv } from '../quizView.ts';

const EXAMPLE_ID = '6b1f3c2a-8d4e-4f5a-9b6c-7d8e9f0a1b2c';

const contentBody = withQuizChecks(z.strictObject(quizContentShape));
const createBody = withQuizChecks(
  z.strictObject({
    ...quizContentShape,
    published: z.boolean().default(false).meta({ description: 'Publish at once instead of saving a draft.' }),
  }),
);

const example = {
  title: { ru: 'Кофейная викторина', ro: 'Chestionarul cafelei', en: 'Coffee quiz' },
  intro: { en: 'Three questions about coffee.' },
  questions: [
    {
      text: { ru: 'Откуда родом кофе?', ro: 'De unde provine cafeaua?', en: 'Where does coffee come from?' },
      options: [
        { ru: 'Бразилия', ro: 'Brazilia', en: 'Brazil' },
        { ru: 'Эфиопия', ro: 'Etiopia', en: 'Ethiopia' },
      ],
      correct: [1],
      explanation: { en: 'Coffee was first found in Ethiopia.' },
      imageUrl: 'https://shop.example/quiz/coffee-cherries.jpg',
    },
  ],
  pointsPerCorrect: 10,
  perfectBonus: 5,
  secondsPerQuestion: 30,
  opensAt: '2026-12-01T00:00:00Z',
  closesAt: '2026-12-08T00:00:00Z',
  published: false,
};

/** Quizzes: marketers write them, publish and close them, and read how they went. */
export function quizRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Quizzes' } as const;
  const one = { 200: { description: 'The quiz.', schema: quizViewSchema } };
  return [
    defineRoute({
      ...common,
      access: 'quizzes',
      method: 'POST',
      path: '/api/v1/quizzes',
      operationId: 'createQuiz',
      body: createBody,
      summary: 'Create a quiz (a draft, or published at once)',
      description:
        '1–20 questions, each with 2–6 options and one or more correct ones; 5–120 seconds per question; opensAt before closesAt. `warnings` lists texts missing a language.',
      example: { body: example },
      responses: { 201: { description: 'Created.', schema: quizViewSchema } },
      problems: [],
      handle: async ({ body, client }) => {
        const { published, ...content } = body;
        await checkSegment(deps, content.segmentId);
        const quiz = await deps.quizzes.create(toQuizContent(content), published, deps.clock());
        await audit(deps, client, 'quiz.created', quiz.id, null, summary(quiz));
        return { status: 201, body: quizView(quiz) };
      },
    }),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/quizzes',
      operationId: 'listQuizzes',
      summary: 'Every quiz, newest first, with how many played',
      responses: {
        200: { description: 'The quizzes.', schema: z.object({ quizzes: z.array(quizViewSchema) }) },
      },
      problems: [],
      handle: async () => ({ status: 200, body: { quizzes: (await deps.quizzes.list()).map(quizView) } }),
    }),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/quizzes/{id}',
      operationId: 'getQuiz',
      params: idParams,
      summary: 'One quiz',
      example: { params: { id: EXAMPLE_ID } },
      responses: one,
      problems: ['quiz-not-found'],
      handle: async ({ params }) => ({ status: 200, body: quizView(await found(deps, params.id)) }),
    }),
    defineRoute({
      ...common,
      access: 'quizzes',
      method: 'PUT',
      path: '/api/v1/quizzes/{id}',
      operationId: 'putQuiz',
      params: idParams,
      body: contentBody,
      summary: 'Replace a quiz’s content',
      description:
        'A draft changes freely. Once a member has played, the questions and the scoring (points, bonus, seconds) stay as they are: a change to them is 409 quiz-locked; the title, intro and dates can still change. A closed quiz does not change.',
      example: { params: { id: EXAMPLE_ID }, body: { ...example, published: undefined } },
      responses: one,
      problems: ['quiz-not-found', 'quiz-locked', 'quiz-closed', 'quiz-changed'],
      handle: async ({ params, body, client }) => {
        const before = await found(deps, params.id);
        await checkSegment(deps, body.segmentId);
        const outcome = await deps.quizzes.edit(params.id, toQuizContent(body), deps.clock());
        if (outcome.kind === 'not-found') throw notFound(params.id);
        if (outcome.kind === 'closed') throw closedProblem(params.id);
        if (outcome.kind === 'stale')
          throw new ApiProblem('quiz-changed', 'The quiz changed while this edit was made; read it again and retry.');
        if (outcome.kind === 'locked')
          throw new ApiProblem(
            'quiz-locked',
            'Members have played this quiz, so its questions, points and time per question cannot change: that would be unfair to those who played. Change the title, intro or dates only, or create a new quiz.',
          );
        await audit(deps, client, 'quiz.updated', params.id, contentOf(before), contentOf(outcome.quiz));
        return { status: 200, body: quizView(outcome.quiz) };
      },
    }),
    transition(deps, 'publish'),
    transition(deps, 'close'),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/quizzes/{id}/results',
      operationId: 'getQuizResults',
      params: idParams,
      summary: 'How a quiz went: participants, leaderboard, each question’s figures',
      description:
        'The leaderboard ranks finished attempts by score, then total answer time, with short names. Per question: the share answered correctly and the average answer time, so the hardest stands out.',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 200: { description: 'The results so far.', schema: quizResultsSchema } },
      problems: ['quiz-not-found'],
      handle: async ({ params }) => ({ status: 200, body: await resultsOf(deps, params.id) }),
    }),
    defineRoute({
      ...common,
      access: 'reports',
      method: 'GET',
      path: '/api/v1/quizzes/{id}/results.csv',
      operationId: 'getQuizResultsCsv',
      params: idParams,
      summary: 'The leaderboard as CSV',
      example: { params: { id: EXAMPLE_ID } },
      responses: {
        200: {
          description: 'rank, memberId, name, score, points, seconds; one line per finished attempt.',
          schema: z.string(),
          mediaType: 'text/csv',
        },
      },
      problems: ['quiz-not-found'],
      handle: async ({ params }) => ({
        status: 200,
        body: null,
        raw: {
          type: 'text/csv; charset=utf-8',
          bytes: new TextEncoder().encode(resultsCsv(await resultsOf(deps, params.id))),
        },
        // Results change while the quiz runs: a download is always of the standings now.
        headers: {
          'content-disposition': `attachment; filename="quiz-${params.id}-results.csv"`,
          'cache-control': 'no-store',
        },
      }),
    }),
  ];
}

function transition(deps: ApiDeps, action: 'publish' | 'close'): ApiRoute {
  return defineRoute({
    tag: 'Quizzes',
    access: 'quizzes',
    method: 'POST',
    path: `/api/v1/quizzes/{id}/${action}`,
    operationId: action === 'publish' ? 'publishQuiz' : 'closeQuiz',
    params: idParams,
    summary: action === 'publish' ? 'Publish a draft: members can play it within its dates' : 'Close a quiz now',
    description:
      action === 'publish'
        ? 'Publishing a published quiz changes nothing; a closed one is 409.'
        : 'Attempts under way end as they stand and earn what they scored; everyone who played gets the final standings (unless they switched off "games"). Closing a closed quiz changes nothing.',
    example: { params: { id: EXAMPLE_ID } },
    responses: { 200: { description: 'The quiz as it now stands.', schema: quizViewSchema } },
    problems: action === 'publish' ? ['quiz-not-found', 'quiz-closed'] : ['quiz-not-found'],
    handle: async ({ params, client }) => {
      const now = deps.clock();
      const rules = action === 'close' ? await deps.points.rules() : null;
      const outcome =
        action === 'publish'
          ? await deps.quizzes.publish(params.id, now)
          : await deps.quizzes.close(params.id, now, (at) => lotExpiresAt(rules!, at));
      if (outcome.kind === 'not-found') throw notFound(params.id);
      if (outcome.kind === 'closed') throw closedProblem(params.id);
      if (outcome.kind === 'done')
        await audit(
          deps,
          client,
          `quiz.${action === 'publish' ? 'published' : 'closed'}`,
          params.id,
          null,
          summary(outcome.quiz),
        );
      return { status: 200, body: quizView(outcome.quiz) };
    },
  });
}

async function found(deps: ApiDeps, id: string): Promise<Quiz> {
  const quiz = await deps.quizzes.find(id);
  if (!quiz) throw notFound(id);
  return quiz;
}

async function resultsOf(deps: ApiDeps, id: string) {
  const rows = await deps.quizzes.results(id);
  if (!rows) throw notFound(id);
  return quizResults(rows);
}

function notFound(id: string): ApiProblem {
  return new ApiProblem('quiz-not-found', `There is no quiz ${id}; GET /api/v1/quizzes lists them.`);
}

function closedProblem(id: string): ApiProblem {
  return new ApiProblem('quiz-closed', `Quiz ${id} is closed and does not change any more; create a new one instead.`);
}

function summary(quiz: Quiz) {
  return { state: quiz.state, title: quiz.title };
}

function contentOf(quiz: Quiz) {
  const { title, intro, questions, pointsPerCorrect, perfectBonus, secondsPerQuestion, opensAt, closesAt } = quiz;
  return { title, intro, questions, pointsPerCorrect, perfectBonus, secondsPerQuestion, opensAt, closesAt };
}

function audit(deps: ApiDeps, client: ApiClient, action: string, id: string, before: unknown, after: unknown) {
  return auditChange(deps, client, { action, subject: `quiz:${id}`, before, after });
}

/** An audience naming no saved segment would show the quiz to nobody without a word; say so instead. */
async function checkSegment(deps: ApiDeps, segmentId: string | null | undefined): Promise<void> {
  if (!segmentId || (await deps.segments.store.find(segmentId))) return;
  throw new ApiProblem('validation', `There is no segment ${segmentId}; GET /api/v1/segments lists them.`, {
    errors: [{ location: 'body', pointer: '/segmentId', detail: 'names no saved segment' }],
  });
}
