// Telegram's getUpdates semantics: updates stay queued until a later call
// confirms them with `offset`; an empty queue holds the request for `timeout`
// seconds. Closing wakes every waiting poll so test runs end promptly.
import type { Update } from 'grammy/types';

export type UpdateDraft = Omit<Update, 'update_id'> & { update_id?: number };

export interface GetUpdatesParams {
  offset?: number;
  limit?: number;
  timeout?: number;
}

export class BotApiUpdateQueue {
  private pending: Update[] = [];
  private lastUpdateId = 0;
  private readonly wakers = new Set<() => void>();
  private closed = false;

  /** Queues an update, numbering it after the last one unless it has an id. */
  push(draft: UpdateDraft): Update {
    const update_id = draft.update_id ?? this.lastUpdateId + 1;
    this.lastUpdateId = Math.max(this.lastUpdateId, update_id);
    const update = { ...draft, update_id } as Update;
    this.pending.push(update);
    this.wakeAll();
    return update;
  }

  get size(): number {
    return this.pending.length;
  }

  async take(params: GetUpdatesParams, signal?: AbortSignal): Promise<Update[]> {
    this.confirm(params.offset);
    const deadline = Date.now() + Math.max(0, params.timeout ?? 0) * 1000;
    let batch = this.batch(params.limit);
    while (batch.length === 0 && !this.closed && !signal?.aborted && Date.now() < deadline) {
      await this.waitForPush(deadline - Date.now(), signal);
      batch = this.batch(params.limit);
    }
    return batch;
  }

  /** Answers all held polls with what they have (usually nothing). */
  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    // A negative offset keeps only the last -offset updates, as in Telegram.
    this.pending = offset > 0 ? this.pending.filter((u) => u.update_id >= offset) : this.pending.slice(offset);
  }

  private batch(limit: number | undefined): Update[] {
    const size = Math.min(Math.max(limit ?? 100, 1), 100);
    return this.pending.slice(0, size);
  }

  private waitForPush(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }
}
