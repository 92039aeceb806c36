import { coreMenuEntries } from '../core/menu/coreMenuEntries.ts';
import { createMenuRegistry } from '../core/menu/createMenuRegistry.ts';
import type { MenuRegistry } from '../core/menu/menuPorts.ts';
import { deskMenuEntries } from '../core/desk/deskMenu.ts';
import { referralMenuEntries } from '../core/referral/referralMenu.ts';
import { channelsMenuEntries, channelsPayloadKinds } from '../core/members/channelsMenu.ts';
import { privacyMenuEntries, privacyPayloadKinds } from '../core/privacy/privacyMenu.ts';
import { quizDynamicMenu, quizMenuEntries, quizPayloadKinds } from '../core/quizzes/quizMenu.ts';
import { surveysPayloadKinds } from '../core/surveys/surveysMenu.ts';
import { marketingPayloadKinds } from '../core/marketing/marketingMenu.ts';
import { campaignsPayloadKinds } from '../core/campaigns/campaignsMenu.ts';
import { contestDynamicMenu, contestMenuEntries, contestPayloadKinds } from '../core/contests/contestMenu.ts';
import { drawDynamicMenu, drawPayloadKinds } from '../core/contests/draws/drawMenu.ts';

/**
 * Every capability's main menu entries, in the order the menu shows them
 * within a row. A new capability adds its entries (and payload kinds) here.
 */
export function assistantMenu(): MenuRegistry {
  return createMenuRegistry(
    [
      ...coreMenuEntries,
      ...referralMenuEntries,
      ...deskMenuEntries,
      ...channelsMenuEntries,
      ...privacyMenuEntries,
      ...quizMenuEntries,
      ...contestMenuEntries,
    ],
    [
      ...channelsPayloadKinds,
      ...privacyPayloadKinds,
      ...quizPayloadKinds,
      ...surveysPayloadKinds,
      ...marketingPayloadKinds,
      ...campaignsPayloadKinds,
      ...contestPayloadKinds,
      ...drawPayloadKinds,
    ],
    [...quizDynamicMenu, ...contestDynamicMenu, ...drawDynamicMenu],
  );
}
