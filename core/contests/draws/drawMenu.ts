import type { Turn } from '../../conversation/turn.ts';
import { formatDate, formatTime } from '../../menu/formatDate.ts';
import { withMenu } from '../../menu/mainMenu.ts';
import type { DynamicMenuEntries, PayloadKind } from '../../menu/menuPorts.ts';
import type { Outbound } from '../../outbound.ts';
import { textIn } from '../../quizzes/localizedText.ts';

export const DRAW_SCOPE = 'draw';
const JOIN = /^draw:join:([A-Za-z0-9-]{1,40})$/;

/** `draw:join:<id>`: within Telegram's 64 bytes with a UUID. */
export const joinDrawPayload = (drawId: string) => `${DRAW_SCOPE}:join:${drawId}`;

/** "🎟 Take part: {title}" for each published opt-in draw open now that the member has not entered. */
export const drawDynamicMenu: DynamicMenuEntries[] = [
  {
    row: -1,
    buttonsFor: async (turn, member) => {
      if (!turn.deps.draws) return [];
      const open = await turn.deps.draws.openOptIns(member.id, turn.now);
      return open
        .filter((draw) => !draw.joined)
        .map((draw) => ({
          label: turn.t('draws.takePart', { title: textIn(draw.title, turn.locale, turn.deps.settings.defaultLocale) }),
          payload: joinDrawPayload(draw.id),
        }));
    },
  },
];

export const drawPayloadKinds: PayloadKind[] = [
  {
    scope: DRAW_SCOPE,
    answer: async (turn, _chat, member, payload) => {
      const match = JOIN.exec(payload);
      if (!match || !turn.deps.draws) return [withMenu(turn, turn.t('draws.oldButton'))];
      return [await takePart(turn, match[1]!, member.id)];
    },
  },
];

/** One entry per member however often they press; the answer repeats the commitment they can check later. */
async function takePart(turn: Turn, drawId: string, memberId: string): Promise<Outbound> {
  const outcome = await turn.deps.draws!.join(drawId, memberId, turn.now);
  if (outcome === 'not-found') return withMenu(turn, turn.t('draws.oldButton'));
  if (outcome === 'closed') return withMenu(turn, turn.t('draws.closed'));
  const draw = (await turn.deps.draws!.openOptIns(memberId, turn.now)).find((one) => one.id === drawId);
  if (!draw) return withMenu(turn, turn.t('draws.closed'));
  const { timezone, defaultLocale } = turn.deps.settings;
  const text = turn.t(outcome === 'joined' ? 'draws.joined' : 'draws.alreadyJoined', {
    title: textIn(draw.title, turn.locale, defaultLocale),
    date: formatDate(draw.drawAt, turn.locale, timezone),
    time: formatTime(draw.drawAt, turn.locale, timezone),
    commitment: draw.commitment,
  });
  return withMenu(turn, text);
}
