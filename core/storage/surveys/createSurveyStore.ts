import type { SurveyStore } from '../../surveys/surveysPorts.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { askingFactsInTransaction, askInTransaction } from './askInTransaction.ts';
import { answerQuestion } from './answerQuestion.ts';
import { toQuestionRecord } from './questionRecords.ts';
import { silentDetractors } from './silentDetractors.ts';

/** Surveys' `SurveyStore` on Prisma: every change is conditional on the status it reads. */
export function createSurveyStore(db: Database): SurveyStore {
  const prisma = db.prisma;
  return {
    due: async (now, limit) =>
      (
        await prisma.surveyQuestion.findMany({
          where: { status: 'scheduled', dueAt: { lte: now } },
          orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
          take: limit,
        })
      ).map(toQuestionRecord),
    askingFacts: (question, now) => prisma.$transaction((tx) => askingFactsInTransaction(tx, question, now)),
    ask: (questionId, message, at, expiresAt, day) =>
      prisma.$transaction((tx) => askInTransaction(tx, questionId, message, at, expiresAt, day)),
    postpone: async (questionId, dueAt) => {
      await prisma.surveyQuestion.updateMany({ where: { id: questionId, status: 'scheduled' }, data: { dueAt } });
    },
    skip: async (questionId) => {
      await prisma.surveyQuestion.updateMany({
        where: { id: questionId, status: 'scheduled' },
        data: { status: 'skipped' },
      });
    },
    expire: (now, limit) => expire(prisma, now, limit),
    answer: (input) => answerQuestion(prisma, input),
    ...followUps(prisma),
    find: async (questionId) => {
      const row = await prisma.surveyQuestion.findUnique({ where: { id: questionId } });
      return row ? toQuestionRecord(row) : null;
    },
  };
}

/** What follows an answer: its comment and the ticket that follows it up, each written once. */
function followUps(prisma: Prisma) {
  return {
    comment: async (questionId, memberId, comment) => {
      await prisma.surveyQuestion.updateMany({
        where: { id: questionId, memberId, status: 'answered', comment: null },
        data: { comment },
      });
    },
    linkTicket: async (questionId, ticketId) => {
      await prisma.surveyQuestion.updateMany({
        where: { id: questionId, followUpTicketId: null },
        data: { followUpTicketId: ticketId },
      });
    },
    silentDetractors: (range, limit) => silentDetractors(prisma, range, limit),
  } satisfies Partial<SurveyStore>;
}

async function expire(prisma: Prisma, now: Date, limit: number): Promise<number> {
  const rows = await prisma.surveyQuestion.findMany({
    where: { status: 'asked', expiresAt: { lte: now } },
    select: { id: true },
    take: limit,
  });
  if (rows.length === 0) return 0;
  const { count } = await prisma.surveyQuestion.updateMany({
    where: { id: { in: rows.map((row) => row.id) }, status: 'asked' },
    data: { status: 'expired' },
  });
  return count;
}
