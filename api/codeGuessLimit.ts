import type { ApiClient } from './apiRoute.ts';
import type { ApiDeps } from './apiDeps.ts';
import { ApiProblem } from './problem.ts';

/**
 * Runs a look-up by one-time code for `client`, counting the codes that
 * matched no one. Past the limit no code is tried at all, so a right guess
 * cannot show through a sweep either. `lookUp` answers whether it matched.
 */
export async function withCodeGuessLimit<T>(
  deps: Pick<ApiDeps, 'codeGuesses' | 'clock'>,
  client: ApiClient,
  lookUp: () => Promise<{ matched: boolean; value: T }>,
): Promise<T> {
  const guesser = `${client.kind}:${client.id}`;
  const wait = await deps.codeGuesses.waitFor(guesser, deps.clock());
  if (wait !== null)
    throw new ApiProblem(
      'rate-limited',
      `Too many one-time codes that matched no member in the last minute with this credential; wait ${wait} s (the Retry-After header), or use the card number.`,
      { retryAfter: wait },
    );
  const { matched, value } = await lookUp();
  if (!matched) await deps.codeGuesses.failed(guesser, deps.clock());
  return value;
}
