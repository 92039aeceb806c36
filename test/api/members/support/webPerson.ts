import type { Locale } from '../../../../core/i18n/locale.ts';
import type { Outbound } from '../../../../core/outbound.ts';
import type { InboundEvent } from '../../../../core/inbound.ts';
import { menuPayload, payload } from '../../../../core/payloads.ts';
import type { ApiTestApp } from '../../support/apiTestApp.ts';

let updates = 0;

/** A person in the web chat, speaking to the running application's assistant as the web page does. */
export function webPerson(api: ApiTestApp, address: string) {
  const say = (event: InboundEvent): Promise<Outbound[]> =>
    api.app.assistant.handle({
      channel: 'web',
      address,
      updateId: `${address}:${(updates += 1)}`,
      repliesInResponse: true,
      event,
    });
  return {
    address,
    say,
    presses: (button: string) => say({ kind: 'button', payload: button }),
    /** Joins with a shared (proven) phone and a birthday, as a careful newcomer does; in English unless told. */
    joins: async (name: string, phone: string, birthday = '12.03.1990', locale: Locale = 'en') => {
      await say({ kind: 'text', text: 'hello' });
      await say({ kind: 'button', payload: payload.consentAccept(locale) });
      await say({ kind: 'text', text: name });
      await say({ kind: 'contact', phone, ownership: 'proven' });
      return say({ kind: 'text', text: birthday });
    },
    opens: (entry: string) => say({ kind: 'button', payload: menuPayload(entry) }),
  };
}
