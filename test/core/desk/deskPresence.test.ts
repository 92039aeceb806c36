import { describe, expect, it } from 'vitest';
import { createDeskPresence, type DeskActivityStore } from '../../../core/desk/deskPresence.ts';

const start = new Date('2026-03-10T08:00:00Z');

function world(slackConfigured = false) {
  let now = start;
  const writes: Date[] = [];
  const store: DeskActivityStore = {
    lastActiveAt: async () => writes.at(-1) ?? null,
    markActive: async (at) => void writes.push(at),
  };
  const presence = createDeskPresence({ store, clock: () => now, slackConfigured });
  return {
    presence,
    writes,
    advance: (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}

describe('whether a desk is connected', () => {
  it('is always so while Slack is configured', async () => {
    expect(await world(true).presence.connected()).toBe(true);
  });

  it('is not so before anyone worked the inbox, is so after, and for 24 hours only', async () => {
    const { presence, advance } = world();
    expect(await presence.connected()).toBe(false);
    await presence.seen();
    advance(24 * 60 - 1);
    expect(await presence.connected()).toBe(true);
    advance(1);
    expect(await presence.connected()).toBe(false);
  });

  it('writes the time of a page polling every few seconds once a minute, not on every poll', async () => {
    const { presence, writes, advance } = world();
    await presence.seen();
    for (let poll = 0; poll < 10; poll++) {
      advance(0.05);
      await presence.seen();
    }
    expect(writes).toHaveLength(1);
    advance(1);
    await presence.seen();
    expect(writes).toHaveLength(2);
  });
});
