import { isChannel } from '../../inbound.ts';
import { isLocale } from '../../i18n/locale.ts';
import type { SilentDetractor } from '../../surveys/surveysPorts.ts';
import type { Prisma } from '../db/openDatabase.ts';
import { toQuestionRecord } from './questionRecords.ts';

/**
 * Detractors' answers that no ticket follows up yet, each with the chat to
 * answer them in: the one the question went to, else the member's most
 * recently used chat. Members whose data was erased are left out.
 */
export async function silentDetractors(
  prisma: Prisma,
  { from, to }: { from: Date; to: Date },
  limit: number,
): Promise<SilentDetractor[]> {
  const rows = await prisma.surveyQuestion.findMany({
    where: {
      kind: 'nps',
      status: 'answered',
      scoreGroup: 'detractor',
      followUpTicketId: null,
      answeredAt: { gt: from, lte: to },
      member: { erasedAt: null },
    },
    orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  const found: SilentDetractor[] = [];
  // One after the other: a handful of rows per run, and each read is by a unique key.
  for (const row of rows) found.push({ question: toQuestionRecord(row), chat: await chatOf(prisma, row) });
  return found;
}

async function chatOf(prisma: Prisma, question: { id: string; memberId: string }): Promise<SilentDetractor['chat']> {
  const sent = await prisma.outboxMessage.findUnique({
    where: { dedupeKey: `survey:${question.id}:question` },
    select: { channel: true, address: true },
  });
  const asked = sent
    ? await prisma.chat.findFirst({
        where: { channel: sent.channel, address: sent.address, memberId: question.memberId },
      })
    : null;
  const chat =
    asked ??
    (await prisma.chat.findFirst({
      where: { memberId: question.memberId },
      orderBy: [{ unreachableAt: { sort: 'desc', nulls: 'first' } }, { lastSeenAt: { sort: 'desc', nulls: 'last' } }],
    }));
  if (!chat || !isChannel(chat.channel)) return null;
  return {
    id: chat.id,
    channel: chat.channel,
    address: chat.address,
    locale: isLocale(chat.locale) ? chat.locale : 'ru',
  };
}
