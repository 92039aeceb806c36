import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { Turn } from '../conversation/turn.ts';
import { isChannel, type Channel } from '../inbound.ts';
import type { MenuEntry, PayloadKind } from '../menu/menuPorts.ts';
import { mainMenuButtons, withMenu } from '../menu/mainMenu.ts';
import { message, type Button, type Outbound } from '../outbound.ts';
import type { MemberRecord } from './membersPorts.ts';

/** Button payloads of the channels screen (Telegram allows 64 bytes: a UUID fits). */
export const channelsPayload = {
  unlink: (chatId: string) => `chan:unlink:${chatId}`,
  notify: (channel: Channel | 'recent') => `chan:notify:${channel}`,
};

/**
 * A person is one member whichever chats they use: this screen shows the
 * chats connected to the card, lets the member disconnect one (never the
 * last), and choose where messages from us go.
 */
export const channelsMenuEntries: MenuEntry[] = [
  {
    id: 'channels',
    label: 'menu.channels',
    commands: ['chats'],
    row: 4,
    open: async (turn, chat, member) => [await channelsScreen(turn, chat, member)],
  },
];

export const channelsPayloadKinds: PayloadKind[] = [{ scope: 'chan', answer: answerChannels }];

async function answerChannels(turn: Turn, chat: MemberChat, member: MemberRecord, raw: string): Promise<Outbound[]> {
  const [, action, value] = raw.split(':');
  if (action === 'unlink' && value) return [await unlink(turn, chat, member, value)];
  if (action === 'notify' && value && (value === 'recent' || isChannel(value))) {
    await turn.deps.members.setNotifyChannel(member.id, value === 'recent' ? null : value);
    const intro =
      value === 'recent'
        ? turn.t('channels.notifyRecentSet')
        : turn.t('channels.notifySet', { channel: channelName(turn, value) });
    return [await channelsScreen(turn, chat, member, intro)];
  }
  return [withMenu(turn, turn.t('errors.unknownButton'))];
}

async function unlink(turn: Turn, chat: MemberChat, member: MemberRecord, chatId: string): Promise<Outbound> {
  const { chats } = await turn.deps.members.chatsOf(member.id);
  const target = chats.find((candidate) => candidate.id === chatId);
  const outcome = await turn.deps.members.unlinkChat(member.id, chatId);
  if (outcome === 'last') return channelsScreen(turn, chat, member, turn.t('channels.lastOne'));
  if (outcome === 'not-theirs' || !target) return channelsScreen(turn, chat, member);
  const done = turn.t('channels.unlinked', { channel: channelName(turn, target.channel) });
  // This very chat forgot the card: it has no menu any more.
  if (chatId === chat.id) return message(done);
  return channelsScreen(turn, chat, member, done);
}

async function channelsScreen(turn: Turn, chat: MemberChat, member: MemberRecord, intro?: string): Promise<Outbound> {
  const { t } = turn;
  const { chats, notifyChannel } = await turn.deps.members.chatsOf(member.id);
  const lines = chats.map((other) =>
    t(other.id === chat.id ? 'channels.thisChat' : 'channels.otherChat', { channel: channelName(turn, other.channel) }),
  );
  const where = notifyChannel
    ? t('channels.notifyChosen', { channel: channelName(turn, notifyChannel) })
    : t('channels.notifyRecent');
  const text = [intro, t('channels.title'), lines.join('\n'), where].filter(Boolean).join('\n\n');
  const buttons: Button[][] = [];
  if (chats.length > 1) {
    for (const other of chats)
      buttons.push([
        {
          label: t('channels.unlinkButton', { channel: channelName(turn, other.channel) }),
          payload: channelsPayload.unlink(other.id),
        },
      ]);
    const channels = [...new Set(chats.map((other) => other.channel))].filter((channel) => channel !== notifyChannel);
    for (const channel of channels)
      buttons.push([
        {
          label: t('channels.notifyButton', { channel: channelName(turn, channel) }),
          payload: channelsPayload.notify(channel),
        },
      ]);
    if (notifyChannel)
      buttons.push([{ label: t('channels.notifyRecentButton'), payload: channelsPayload.notify('recent') }]);
  }
  return message(text, [...buttons, ...mainMenuButtons(turn)]);
}

function channelName(turn: Turn, channel: Channel): string {
  return turn.t(`desk.channel.${channel}`);
}
