// Planned failures, answered with the exact error JSON Telegram sends, so the
// flood-control and retry code is tested against what production will see.

export type BotApiFault = { status: 429; retryAfter: number } | { status: number; description?: string };

export interface TelegramErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after: number };
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function telegramErrorBody(fault: BotApiFault): TelegramErrorBody {
  if ('retryAfter' in fault) {
    return {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${fault.retryAfter}`,
      parameters: { retry_after: fault.retryAfter },
    };
  }
  const description = fault.description ?? DEFAULT_DESCRIPTIONS[fault.status] ?? 'Error';
  return { ok: false, error_code: fault.status, description };
}

/** Per-method queues of failures; each matching call consumes one. */
export class BotApiFaults {
  private readonly planned = new Map<string, BotApiFault[]>();

  failNext(method: string, fault: BotApiFault, times = 1): void {
    const queue = this.planned.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.planned.set(method, queue);
  }

  take(method: string): BotApiFault | undefined {
    const queue = this.planned.get(method);
    const fault = queue?.shift();
    if (queue && queue.length === 0) this.planned.delete(method);
    return fault;
  }

  clear(): void {
    this.planned.clear();
  }
}
