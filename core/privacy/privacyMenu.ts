import type { MenuEntry, PayloadKind } from '../menu/menuPorts.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { askToErase, eraseInChat } from './eraseInChat.ts';
import { PRIVACY_SCOPE, privacyPayload } from './privacyPayloads.ts';
import { showMyData } from './showMyData.ts';

/** "My data": what is stored about the member, and erasure on their own request. */
export const privacyMenuEntries: MenuEntry[] = [
  {
    id: 'mydata',
    label: 'menu.myData',
    commands: ['mydata'],
    row: 4,
    open: async (turn, _chat, member) => [await showMyData(turn, member)],
  },
];

/** The screen's buttons: ask for erasure, confirm it, or cancel. */
export const privacyPayloadKinds: PayloadKind[] = [
  {
    scope: PRIVACY_SCOPE,
    answer: async (turn, _chat, member, payload) => {
      switch (payload) {
        case privacyPayload.askErase:
          return [askToErase(turn, member)];
        case privacyPayload.confirmErase:
          return eraseInChat(turn, member);
        case privacyPayload.cancelErase:
          return [withMenu(turn, turn.t('privacy.cancelled'))];
        default:
          return [withMenu(turn, turn.t('errors.unknownButton'))];
      }
    },
  },
];
