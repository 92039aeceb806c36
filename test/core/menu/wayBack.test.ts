// Every screen a member opens from the menu leaves them a way back to it: the
// menu itself under the message, or a Back to menu button that shows it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { assistantMenu } from '../../../app/assistantMenu.ts';
import { MAIN_MENU_PAYLOAD } from '../../../core/menu/mainMenu.ts';
import { menuPayload } from '../../../core/payloads.ts';
import type { Outbound } from '../../../core/outbound.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createDeskWorld, type DeskWorld } from '../desk/support/deskWorld.ts';

const payloadsOf = (reply: Outbound | undefined) =>
  reply?.buttons?.flat().flatMap((button) => button.payload ?? []) ?? [];
const balance = menuPayload('balance');

describeEachProvider('a way back to the menu', (provider) => {
  let world: DeskWorld;

  beforeEach(async () => {
    world = await createDeskWorld(provider);
  });

  afterEach(async () => {
    await world.dispose();
  });

  for (const entry of assistantMenu().entries)
    it(`is offered on the “${entry.id}” screen`, async () => {
      const anna = await world.join('en');
      const replies = await anna.presses(menuPayload(entry.id));
      const last = replies.at(-1);
      const payloads = payloadsOf(last);
      expect(payloads.includes(balance) || payloads.includes(MAIN_MENU_PAYLOAD), JSON.stringify(last)).toBe(true);
      if (!payloads.includes(MAIN_MENU_PAYLOAD)) return;
      const menu = await anna.presses(MAIN_MENU_PAYLOAD);
      expect(payloadsOf(menu.at(-1))).toContain(balance);
    });
});
