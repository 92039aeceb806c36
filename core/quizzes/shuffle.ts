import { randomInt } from 'node:crypto';

/**
 * The option indexes 0…count-1 in a random order (Fisher–Yates with a
 * cryptographic source), so the position of the right answer says nothing
 * and cannot be passed on from one member to another.
 */
export function shuffledOrder(count: number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let i = count - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
