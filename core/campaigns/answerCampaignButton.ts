import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { Turn } from '../conversation/turn.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { Outbound } from '../outbound.ts';
import { quizPayload } from '../quizzes/quizPayloads.ts';
import { parseCampaignPayload } from './campaignPayloads.ts';

/**
 * A press on a campaign message's button: counted for the campaign's
 * results, then answered as the screen it leads to (a menu entry, a quiz).
 * A button of a deleted campaign, or one the campaign no longer has, gets
 * the polite answer every unknown button gets.
 */
export async function answerCampaignButton(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  raw: string,
): Promise<Outbound[]> {
  const { deps, t } = turn;
  const press = parseCampaignPayload(raw);
  const campaign = press && deps.campaigns ? await deps.campaigns.find(press.campaignId) : null;
  const button = press && campaign?.buttons[press.index];
  if (!press || !campaign || !button || !deps.campaigns) return [withMenu(turn, t('errors.unknownButton'))];
  await deps.campaigns.recordPress(campaign.id, member.id, turn.now);
  const { action } = button;
  if (action.kind === 'menu') {
    const entry = deps.menu.byId(action.action);
    if (entry) return entry.open(turn, chat, member, '');
  }
  if (action.kind === 'quiz') {
    const open = quizPayload.open(action.quizId);
    const owner = deps.menu.payloadKind(open);
    if (owner) return owner.answer(turn, chat, member, open);
  }
  return [withMenu(turn, t('errors.unknownButton'))];
}
