/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs` (the outbox works on its own time). */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error('waited in vain for the outbox');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
