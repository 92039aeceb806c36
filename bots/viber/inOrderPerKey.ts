/**
 * Runs work for one key (a person) one piece after another, in arrival
 * order, and work for different keys side by side: one person's replies
 * must not overtake each other, nor wait for someone else's.
 */
export function inOrderPerKey(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    // The map forgets a key once its last piece of work is done.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
