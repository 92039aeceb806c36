import type { Page } from './jobsPorts.ts';

export const DEFAULT_BATCH_SIZE = 200;

/** Walks a paged scan to its end, handing each item to `visit`. */
export async function eachItem<T>(
  fetch: (after: string | null) => Promise<Page<T>>,
  visit: (item: T) => Promise<void>,
): Promise<void> {
  let after: string | null = null;
  do {
    const page: Page<T> = await fetch(after);
    for (const item of page.items) await visit(item);
    after = page.next;
  } while (after !== null);
}
