import { z } from 'zod';
import { localizedText, publicHttpsUrl } from '../textFields.ts';
import { missingLocales } from './localizedText.ts';
import type { LocalizedText, QuizContent } from './quiz.ts';

export const QUIZ_LIMITS = {
  questions: { min: 1, max: 20 },
  options: { min: 2, max: 6 },
  seconds: { min: 5, max: 120 },
} as const;

const localized = localizedText;

const points = z.number().int().min(0).max(100_000);

/** A picture by its address (core/textFields.ts). */
const imageUrl = publicHttpsUrl().meta({
  description:
    'A picture shown with the question: an https:// address of a JPEG or PNG that anyone may fetch (Telegram takes up to 5 MB, Viber 1 MB). If a platform cannot fetch it, the question is sent without it.',
});

// Telegram caps a button's label and a message's text; options stay short enough to read on a button.
const questionSchema = z
  .strictObject({
    text: localized(300, 'The question.'),
    options: z
      .array(localized(60, 'One option, as its button shows it.'))
      .min(QUIZ_LIMITS.options.min)
      .max(QUIZ_LIMITS.options.max),
    correct: z
      .array(z.number().int().min(0))
      .min(1)
      .meta({ description: 'Indexes into `options` of the options that count as correct (one or more).' }),
    explanation: localized(500, 'Shown after the answer, right or wrong.').optional(),
    imageUrl: imageUrl.optional(),
  })
  .superRefine((question, context) => {
    const count = question.options.length;
    question.correct.forEach((index, position) => {
      if (index >= count)
        context.addIssue({
          code: 'custom',
          path: ['correct', position],
          params: { reason: 'no-such-option' },
          message: `is ${index}, but the question has ${count} options (indexes 0 to ${count - 1})`,
        });
    });
    if (new Set(question.correct).size !== question.correct.length)
      context.addIssue({
        code: 'custom',
        path: ['correct'],
        params: { reason: 'option-twice' },
        message: 'names an option twice',
      });
    if (question.correct.length >= count)
      context.addIssue({
        code: 'custom',
        path: ['correct'],
        params: { reason: 'no-wrong-option' },
        message: 'leaves no wrong option',
      });
  });

/** The fields of a quiz as the marketer sends it (POST, and PUT of a draft); `withQuizChecks` adds the checks across fields. */
export const quizContentShape = {
  title: localized(80, 'The title, shown on the menu button "🎯 {title}".'),
  intro: localized(500, 'Shown before the first question.').optional(),
  questions: z.array(questionSchema).min(QUIZ_LIMITS.questions.min).max(QUIZ_LIMITS.questions.max),
  pointsPerCorrect: points.meta({ description: 'Points for each correct answer.' }),
  perfectBonus: points.default(0).meta({ description: 'Extra points when every answer is correct.' }),
  secondsPerQuestion: z
    .number()
    .int()
    .min(QUIZ_LIMITS.seconds.min)
    .max(QUIZ_LIMITS.seconds.max)
    .meta({ description: 'Time for each question, counted on the server from the moment it was sent.' }),
  opensAt: z.iso.datetime({ offset: true }).meta({ description: 'From when members can play.' }),
  closesAt: z.iso.datetime({ offset: true }).meta({ description: 'Until when; the final standings go out then.' }),
  segmentId: z.string().min(1).max(64).nullable().optional().meta({
    description:
      'The audience: a saved segment (`/api/v1/segments`) whose members alone see the quiz and may start it, matched when they open it. Absent or null: every member.',
  }),
};

export function withQuizChecks<S extends z.ZodType<{ opensAt: string; closesAt: string }>>(schema: S): S {
  return schema.superRefine((quiz, context) => {
    if (Date.parse(quiz.opensAt) >= Date.parse(quiz.closesAt))
      context.addIssue({
        code: 'custom',
        path: ['closesAt'],
        params: { reason: 'closes-before-opens' },
        message: 'must be after opensAt',
      });
  }) as unknown as S;
}

export const quizContentSchema = withQuizChecks(z.strictObject(quizContentShape));

export type QuizContentInput = z.output<typeof quizContentSchema>;

export function toQuizContent(input: QuizContentInput): QuizContent {
  return { ...input, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt) };
}

/** Every text without all three languages, as a JSON pointer and the languages missing: the console warns about each. */
export function missingLanguageWarnings(quiz: QuizContent): { pointer: string; missing: string[] }[] {
  const texts: [string, LocalizedText | undefined][] = [['/title', quiz.title]];
  if (quiz.intro) texts.push(['/intro', quiz.intro]);
  quiz.questions.forEach((question, q) => {
    texts.push([`/questions/${q}/text`, question.text]);
    question.options.forEach((option, o) => texts.push([`/questions/${q}/options/${o}`, option]));
    if (question.explanation) texts.push([`/questions/${q}/explanation`, question.explanation]);
  });
  return texts
    .map(([pointer, text]) => ({ pointer, missing: missingLocales(text) }))
    .filter((warning) => warning.missing.length > 0);
}
