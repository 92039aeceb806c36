import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { MemberState } from '../conversation/chatState.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { MAX_PICTURE_BYTES } from '../media/acceptPicture.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { Outbound } from '../outbound.ts';
import { CONTEST_LIMITS } from './contestSchema.ts';

/**
 * The picture a member sent after "Send your photo or drawing": fetched from
 * their messenger, checked and cleaned (contestsPorts.ts), saved as their one
 * entry, and put before the moderators. The chat stops waiting for a picture
 * whatever the outcome, so a refusal never traps the member.
 */
export async function submitEntry(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  contestId: string,
): Promise<Outbound[]> {
  const { inbound, t, deps } = turn;
  const contests = deps.contests;
  const rest: MemberState = { ...(chat.state as MemberState) };
  delete rest.contestEntry;
  await saveState(turn, chat, { state: rest });
  if (!contests || inbound.event.kind !== 'photo') return [withMenu(turn, t('contests.notAPicture'))];
  // The messenger said how large it is: no need to download 50 MB to refuse it.
  if ((inbound.event.size ?? 0) > MAX_PICTURE_BYTES) return [withMenu(turn, t('contests.pictureRefused'))];
  const bytes = await fetchPicture(turn, inbound.event.fileId);
  if (!bytes) return [withMenu(turn, t('contests.pictureUnavailable'))];
  const pictureId = await contests.pictures.keep(bytes);
  if (!pictureId) return [withMenu(turn, t('contests.pictureRefused'))];
  const caption = inbound.event.caption?.trim().slice(0, CONTEST_LIMITS.caption) || null;
  const outcome = await contests.store.submit(contestId, member.id, pictureId, caption, turn.now);
  if (outcome.kind === 'closed') return [withMenu(turn, t('contests.submissionsClosed'))];
  await contests.submitted?.(outcome.entry);
  return [withMenu(turn, t(outcome.replaced ? 'contests.replaced' : 'contests.submitted'))];
}

async function fetchPicture(turn: Turn, fileId: string): Promise<Uint8Array | null> {
  const source = turn.deps.contests?.photos[turn.inbound.channel];
  if (!source) return null;
  try {
    return await source(fileId);
  } catch (error) {
    turn.deps.log.warn({ err: error, channel: turn.inbound.channel }, 'a contest picture could not be fetched');
    return null;
  }
}
