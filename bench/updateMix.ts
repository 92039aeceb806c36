import type { Update } from 'grammy/types';
import { callbackUpdate, commandUpdate, textUpdate } from '../test/support/telegramUpdates.ts';

/** What members do most: check the balance, look at history, open the menu… */
const mix: { weight: number; make: (userId: number) => ReturnType<typeof textUpdate> }[] = [
  { weight: 30, make: (id) => callbackUpdate(id, 'menu:balance') },
  { weight: 15, make: (id) => callbackUpdate(id, 'menu:history') },
  { weight: 10, make: (id) => commandUpdate(id, '/start') },
  { weight: 10, make: (id) => commandUpdate(id, '/menu') },
  { weight: 5, make: (id) => callbackUpdate(id, 'menu:card') },
  { weight: 5, make: (id) => callbackUpdate(id, 'menu:help') },
  { weight: 5, make: (id) => callbackUpdate(id, 'menu:language') },
  { weight: 5, make: (id) => callbackUpdate(id, 'lang:ru') },
  { weight: 10, make: (id) => textUpdate(id, 'hello?') },
  { weight: 5, make: (id) => callbackUpdate(id, 'menu:gone-button') },
];

/** A deterministic stream of `count` updates from random members among `userIds`. */
export function updateMix(userIds: number[], count: number, seed = 42): Update[] {
  const random = mulberry32(seed);
  const total = mix.reduce((sum, entry) => sum + entry.weight, 0);
  return Array.from({ length: count }, (_, index) => {
    const userId = userIds[Math.floor(random() * userIds.length)]!;
    let roll = random() * total;
    const entry = mix.find((candidate) => (roll -= candidate.weight) < 0) ?? mix[0]!;
    return { ...entry.make(userId), update_id: index + 1 } as Update;
  });
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
