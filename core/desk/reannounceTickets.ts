import type { Translator } from '../i18n/translator.ts';
import type { DeskDeps } from './deskPorts.ts';
import { nextAnnouncementAt } from './deskSettings.ts';
import { duration } from './ticketCard.ts';
import { ticketReference } from './ticketReference.ts';

const BATCH = 100;

/**
 * A ticket nobody took is announced again in the staff channel, calling
 * everyone there, at each of the configured delays after it opened. Each
 * announcement is recorded with its post, once, even with several instances.
 */
export async function reannounceTickets(desk: DeskDeps, translator: Translator, now: Date): Promise<number> {
  const t = translator.forLocale(desk.settings.staffLocale);
  let announced = 0;
  for (const ticket of await desk.store.dueAnnouncements(now, BATCH)) {
    const round = ticket.announcements + 1;
    const text = t('desk.thread.reannounce', {
      ref: ticketReference(ticket.id),
      waited: duration(ticket.openedAt, now, t),
    });
    const next = nextAnnouncementAt(ticket.openedAt, now, desk.settings);
    if (
      await desk.store.announce(ticket.id, ticket.announcements, next, {
        dedupeKey: `desk:${ticket.id}:announce:${round}`,
        post: { kind: 'thread', text, broadcast: true },
      })
    )
      announced += 1;
  }
  return announced;
}
