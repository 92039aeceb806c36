// A quiz open now, written through the REST API as a marketer's script would,
// for channel tests whose application runs on the real clock.
import { expect } from 'vitest';
import { quizBody } from './quizApp.ts';

/**
 * Creates the coffee quiz (with `overrides`) open from an hour ago for a day, with the
 * longest time per question, so no answer runs out of time however slow the run.
 */
export async function createOpenQuiz(
  url: string,
  adminToken: string,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  const now = Date.now();
  const created = await fetch(`${url}/api/v1/quizzes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(
      quizBody({
        secondsPerQuestion: 120,
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
        ...overrides,
      }),
    ),
  });
  expect(created.status).toBe(201);
}

/** The coffee quiz's questions, the first ones with these pictures in order, the rest as written. */
export function questionsWithPictures(...imageUrls: string[]) {
  return quizBody().questions.map((question, index) =>
    index < imageUrls.length ? { ...question, imageUrl: imageUrls[index] } : question,
  );
}
