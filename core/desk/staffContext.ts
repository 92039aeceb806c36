import type { Translate } from '../i18n/translator.ts';
import type { DeskDraft } from './deskPorts.ts';
import type { StaffDeskDeps } from './staffDesk.ts';

/** What the staff side's operations share: their deps and the staff's language. */
export interface StaffContext {
  deps: StaffDeskDeps;
  t: Translate;
}

/** A post in a ticket's thread, once per cause. */
export const threadPost = (ticketId: string, cause: string, text: string): DeskDraft => ({
  dedupeKey: `desk:${ticketId}:${cause}`,
  post: { kind: 'thread', text },
});

/** The ticket's message shown anew, once per cause. */
export const refreshPost = (ticketId: string, cause: string): DeskDraft => ({
  dedupeKey: `desk:${ticketId}:refresh:${cause}`,
  post: { kind: 'refresh' },
});
