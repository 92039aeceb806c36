import type { CodeGuesses } from '../core/till/tillPorts.ts';
import { credentialOf, type ApiClient } from './apiRoute.ts';
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
  const what = 'one-time codes that matched no member';
  return limited(deps.codeGuesses, deps.clock, client, what, async () => {
    const { matched, value } = await lookUp();
    return { count: !matched, value };
  });
}

/** Runs a look-up by phone for `client`; every one counts, found or not, so numbers cannot be walked. */
export async function withPhoneLookupLimit<T>(
  deps: Pick<ApiDeps, 'phoneLookups' | 'clock'>,
  client: ApiClient,
  lookUp: () => Promise<T>,
): Promise<T> {
  return limited(deps.phoneLookups, deps.clock, client, 'look-ups by phone', async () => ({
    count: true,
    value: await lookUp(),
  }));
}

async function limited<T>(
  limit: CodeGuesses,
  clock: () => Date,
  client: ApiClient,
  what: string,
  work: () => Promise<{ count: boolean; value: T }>,
): Promise<T> {
  const guesser = credentialOf(client);
  const wait = await limit.waitFor(guesser, clock());
  if (wait !== null)
    throw new ApiProblem(
      'rate-limited',
      `Too many ${what} in the last minute with this credential; wait ${wait} s (the Retry-After header), or use the card number.`,
      { retryAfter: wait },
    );
  const { count, value } = await work();
  if (count) await limit.failed(guesser, clock());
  return value;
}
