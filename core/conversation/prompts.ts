import type { Outbound } from '../outbound.ts';
import { message } from '../outbound.ts';
import { payload } from '../payloads.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { validateName } from '../members/validateName.ts';
import type { ChatState } from './chatState.ts';
import type { Turn } from './turn.ts';
import { phoneText } from './phoneText.ts';

/** The question that the current step of a conversation asks. */
export function promptFor(turn: Turn, state: ChatState): Outbound {
  const { t } = turn;
  switch (state.step) {
    case 'name':
      return askNamePrompt(turn);
    case 'phone':
      return {
        text: state.confirm
          ? t('linking.askCode')
          : t(phoneText(turn.inbound.channel, 'registration.askPhone'), { name: state.name }),
        contactRequest: t('registration.shareContact'),
      };
    case 'birthday':
      return message(t('registration.askBirthday'), [
        [{ label: t('registration.skipBirthday'), payload: payload.skipBirthday }],
      ]);
    case 'member':
      return withMenu(turn, t('menu.title'));
  }
}

function askNamePrompt({ t, inbound }: Turn): Outbound {
  // Offer the name the messenger shows, so most people answer with one tap.
  const suggested = inbound.profileName ? validateName(inbound.profileName) : null;
  const buttons = suggested
    ? [[{ label: t('registration.useProfileName', { name: suggested }), payload: payload.useProfileName }]]
    : undefined;
  return message(t('registration.askName'), buttons);
}
