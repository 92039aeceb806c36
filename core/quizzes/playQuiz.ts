import { inAudience, openQuizzesFor } from './quizAudience.ts';
import type { Turn } from '../conversation/turn.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { withDynamicMenu } from '../menu/dynamicMenu.ts';
import { lotExpiresAt } from '../points/lotExpiresAt.ts';
import type { Button, Outbound, Picture } from '../outbound.ts';
import { textIn } from './localizedText.ts';
import { isOpen, pointsFor, type LocalizedText, type Quiz, type QuizQuestion } from './quiz.ts';
import { quizPayload } from './quizPayloads.ts';
import type { AttemptView, QuizPlayStore } from './quizzesPorts.ts';
import { shuffledOrder } from './shuffle.ts';

/**
 * Opens a quiz for the member: the first question of a new attempt, the
 * question waiting in one under way (or, when its time ran out meanwhile, the
 * note that it did and the next one), or the result of one already played.
 */
export async function openQuiz(turn: Turn, member: MemberRecord, quizId?: string): Promise<Outbound[]> {
  const store = turn.deps.quizzes;
  if (!store) return [withMenu(turn, turn.t('quiz.unavailable'))];
  const quiz = quizId ? await store.find(quizId) : await onlyOpenQuiz(turn, store, member);
  if (quiz === 'several') return [await chooseQuiz(turn, store, member)];
  if (!quiz) return [withMenu(turn, turn.t('quiz.noneOpen'))];
  const attempt = await store.attemptOf(quiz.id, member.id);
  if (attempt?.completedAt) return [await playedAlready(turn, store, quiz, attempt)];
  if (!isOpen(quiz, turn.now)) return [withMenu(turn, turn.t('quiz.closed'))];
  // An attempt under way goes on even if the member has left the segment since: taking it away would be unfair.
  if (!attempt && !(await inAudience(turn, quiz, member))) return [withMenu(turn, turn.t('quiz.notForYou'))];
  if (!attempt) {
    const started = await store.start(quiz.id, member.id, turn.now, shuffledOrder(quiz.questions[0]!.options.length));
    // Two taps on "Play" race to start; the loser resumes the winner's attempt like any later visit.
    if (started.created) return [{ text: introOf(turn, quiz) }, questionMessage(turn, quiz, started.attempt, 'new')];
    return resume(turn, member, store, quiz, started.attempt);
  }
  return resume(turn, member, store, quiz, attempt);
}

/** A press of an option: counted once, against the server's clock. */
export async function answerQuestion(
  turn: Turn,
  member: MemberRecord,
  press: { attemptId: string; questionIndex: number; position: number },
): Promise<Outbound[]> {
  const store = turn.deps.quizzes;
  if (!store) return [withMenu(turn, turn.t('quiz.unavailable'))];
  const attempt = await store.attemptById(press.attemptId);
  // Another member's attempt looks exactly like one that does not exist.
  if (!attempt || attempt.memberId !== member.id) return [withMenu(turn, turn.t('quiz.oldButton'))];
  const quiz = await store.find(attempt.quizId);
  if (!quiz) return [withMenu(turn, turn.t('quiz.oldButton'))];
  if (attempt.completedAt) return [await playedAlready(turn, store, quiz, attempt)];
  const pending = attempt.pending;
  if (!pending || pending.questionIndex !== press.questionIndex)
    return [withMenu(turn, turn.t('quiz.alreadyAnswered'))];
  if (!isOpen(quiz, turn.now)) return [withMenu(turn, turn.t('quiz.closed'))];
  const chosen = pending.order[press.position];
  if (chosen === undefined) return [withMenu(turn, turn.t('quiz.oldButton'))];
  if (isLate(quiz, pending.sentAt, turn.now)) return settleTimedOut(turn, member, store, quiz, attempt);
  const question = quiz.questions[pending.questionIndex]!;
  const correct = question.correct.includes(chosen);
  const spentMs = turn.now.getTime() - pending.sentAt.getTime();
  const outcome = await store.settle({
    ...(await settlementBase(turn, quiz, attempt)),
    chosen,
    correct,
    timedOut: false,
    spentMs,
  });
  if (outcome.kind === 'already') return [withMenu(turn, turn.t('quiz.alreadyAnswered'))];
  const feedback = [
    turn.t(correct ? 'quiz.correct' : 'quiz.wrong', { answer: rightAnswers(turn, quiz, pending.questionIndex) }),
  ];
  const explanation = localized(turn, question.explanation);
  if (explanation) feedback.push(explanation);
  return [
    { text: feedback.join('\n\n') },
    await afterSettled(turn, member, store, quiz, outcome.attempt, outcome.completed),
  ];
}

/** The member came back: a question still within its time is shown again with the time left. */
async function resume(
  turn: Turn,
  member: MemberRecord,
  store: QuizPlayStore,
  quiz: Quiz,
  attempt: AttemptView,
): Promise<Outbound[]> {
  if (!attempt.pending) return [await playedAlready(turn, store, quiz, attempt)];
  if (isLate(quiz, attempt.pending.sentAt, turn.now)) return settleTimedOut(turn, member, store, quiz, attempt);
  return [questionMessage(turn, quiz, attempt, 'resumed')];
}

/** The pending question's time ran out: it earns nothing, and the next one is sent now. */
async function settleTimedOut(
  turn: Turn,
  member: MemberRecord,
  store: QuizPlayStore,
  quiz: Quiz,
  attempt: AttemptView,
): Promise<Outbound[]> {
  const index = attempt.pending!.questionIndex;
  const outcome = await store.settle({
    ...(await settlementBase(turn, quiz, attempt)),
    chosen: null,
    correct: false,
    timedOut: true,
    spentMs: quiz.secondsPerQuestion * 1000,
  });
  if (outcome.kind === 'already') return [withMenu(turn, turn.t('quiz.alreadyAnswered'))];
  const note = turn.t('quiz.timeUp', { number: index + 1 });
  return [{ text: note }, await afterSettled(turn, member, store, quiz, outcome.attempt, outcome.completed)];
}

async function settlementBase(turn: Turn, quiz: Quiz, attempt: AttemptView) {
  const index = attempt.pending!.questionIndex;
  const nextQuestion = quiz.questions[index + 1];
  // The last question completes the attempt, whose points expire like any other lot.
  const expiresAt = nextQuestion ? null : lotExpiresAt(await turn.deps.points.rules(), turn.now);
  return {
    attemptId: attempt.id,
    questionIndex: index,
    before: attempt,
    now: turn.now,
    next: nextQuestion ? { order: shuffledOrder(nextQuestion.options.length) } : null,
    pointsFor: (score: number) => pointsFor(quiz, score),
    expiresAt,
  };
}

async function afterSettled(
  turn: Turn,
  member: MemberRecord,
  store: QuizPlayStore,
  quiz: Quiz,
  attempt: AttemptView,
  completed: boolean,
): Promise<Outbound> {
  if (!completed) return questionMessage(turn, quiz, attempt, 'new');
  const { rank, of } = await store.rankOf(attempt);
  // The menu was read before this answer finished the quiz: asked again, it no longer offers it.
  const fresh = await withDynamicMenu({ ...turn, menuExtras: undefined }, member);
  return withMenu(
    fresh,
    turn.t('quiz.finished', {
      score: attempt.score,
      total: quiz.questions.length,
      points: turn.t('points', { count: attempt.points }),
      rank,
      of,
    }),
  );
}

async function playedAlready(turn: Turn, store: QuizPlayStore, quiz: Quiz, attempt: AttemptView): Promise<Outbound> {
  const { rank, of } = await store.rankOf(attempt);
  return withMenu(
    turn,
    turn.t('quiz.playedAlready', {
      title: localized(turn, quiz.title),
      score: attempt.score,
      total: quiz.questions.length,
      rank,
      of,
    }),
  );
}

/** One message per question, one button per option in the member's own order. */
function questionMessage(turn: Turn, quiz: Quiz, attempt: AttemptView, how: 'new' | 'resumed'): Outbound {
  const pending = attempt.pending!;
  const question = quiz.questions[pending.questionIndex]!;
  const elapsed = turn.now.getTime() - pending.sentAt.getTime();
  const seconds = Math.max(0, Math.ceil((quiz.secondsPerQuestion * 1000 - elapsed) / 1000));
  const header = turn.t(how === 'new' ? 'quiz.question' : 'quiz.questionResumed', {
    number: pending.questionIndex + 1,
    total: quiz.questions.length,
    seconds,
  });
  const buttons: Button[][] = pending.order.map((option, position) => [
    {
      label: localized(turn, question.options[option]),
      payload: quizPayload.answer(attempt.id, pending.questionIndex, position),
    },
  ]);
  const image = pictureOf(turn, question, pending.questionIndex);
  return { text: `${header}\n\n${localized(turn, question.text)}`, buttons, ...(image && { image }) };
}

/**
 * The question's picture, described for those who cannot see it. Quizzes
 * saved before pictures had to be https may hold another address, which no
 * channel would show: the question goes without it.
 */
function pictureOf(turn: Turn, question: QuizQuestion, index: number): Picture | undefined {
  if (!question.imageUrl?.startsWith('https://')) return undefined;
  return { url: question.imageUrl, alt: turn.t('quiz.imageAlt', { number: index + 1 }) };
}

function introOf(turn: Turn, quiz: Quiz): string {
  const rules = turn.t('quiz.rules', { count: quiz.questions.length, seconds: quiz.secondsPerQuestion });
  return [`🎯 ${localized(turn, quiz.title)}`, localized(turn, quiz.intro), rules].filter(Boolean).join('\n\n');
}

function rightAnswers(turn: Turn, quiz: Quiz, index: number): string {
  const question = quiz.questions[index]!;
  return question.correct.map((option) => localized(turn, question.options[option])).join(', ');
}

/** Strictly after the limit: an answer in its last millisecond still counts. */
function isLate(quiz: Quiz, sentAt: Date, now: Date): boolean {
  return now.getTime() - sentAt.getTime() > quiz.secondsPerQuestion * 1000;
}

function localized(turn: Turn, text: LocalizedText | undefined): string {
  return textIn(text, turn.locale, turn.deps.settings.defaultLocale);
}

async function onlyOpenQuiz(turn: Turn, store: QuizPlayStore, member: MemberRecord): Promise<Quiz | 'several' | null> {
  const all = await openQuizzesFor(turn, member);
  // The ones still to play; with none, the one played (its result is the answer).
  const open = all.some((quiz) => !quiz.finished) ? all.filter((quiz) => !quiz.finished) : all.slice(0, 1);
  if (open.length > 1) return 'several';
  return open[0] ? store.find(open[0].id) : null;
}

async function chooseQuiz(turn: Turn, store: QuizPlayStore, member: MemberRecord): Promise<Outbound> {
  const open = (await openQuizzesFor(turn, member)).filter((quiz) => !quiz.finished);
  const buttons = open.map((quiz) => [
    { label: turn.t('quiz.menuButton', { title: localized(turn, quiz.title) }), payload: quizPayload.open(quiz.id) },
  ]);
  return { text: turn.t('quiz.choose'), buttons };
}
