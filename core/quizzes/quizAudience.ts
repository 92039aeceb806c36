import type { Turn } from '../conversation/turn.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { Quiz } from './quiz.ts';
import type { OpenQuiz } from './quizzesPorts.ts';

/**
 * Whether the member is in the quiz's audience now. A quiz for a segment is
 * shown to nobody when segments are not wired in: it must never widen to
 * every member.
 */
export async function inAudience(turn: Turn, quiz: Pick<Quiz, 'segmentId'>, member: MemberRecord): Promise<boolean> {
  if (!quiz.segmentId) return true;
  return (await turn.deps.audience?.includes(quiz.segmentId, member.id, turn.now)) ?? false;
}

/** The quizzes open now that the member may see: every member's, and those of segments they are in. */
export async function openQuizzesFor(turn: Turn, member: MemberRecord): Promise<OpenQuiz[]> {
  const open = (await turn.deps.quizzes?.openFor(member.id, turn.now)) ?? [];
  const allowed = await Promise.all(open.map((quiz) => inAudience(turn, quiz, member)));
  return open.filter((_, index) => allowed[index]);
}
