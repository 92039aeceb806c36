import type { InboundEvent } from '../../../../core/inbound.ts';
import type { Outbound } from '../../../../core/outbound.ts';
import { payload } from '../../../../core/payloads.ts';
import type { QuizApp } from './quizApp.ts';
import { buttonsOf } from './quizApp.ts';

let updates = 0;

/**
 * A member in the web chat, talking to the assistant of whichever process
 * runs now (anything that holds the running application: a QuizApp, the
 * console tests' world).
 */
export function quizPlayer(
  quizApp: Pick<QuizApp, 'app'>,
  address: string,
  channel: 'web' | 'telegram' | 'viber' = 'web',
) {
  const say = (event: InboundEvent): Promise<Outbound[]> =>
    quizApp.app.assistant.handle({ channel, address, updateId: `${address}:${(updates += 1)}`, event });
  const player = {
    address,
    say,
    presses: (button: string) => say({ kind: 'button', payload: button }),
    /** The main menu. */
    opens: () => say({ kind: 'command', command: 'menu' }),
    joins: async (name: string, phone: string, locale: 'en' | 'ru' | 'ro' = 'en') => {
      await say({ kind: 'text', text: 'hello' });
      await say({ kind: 'button', payload: payload.consentAccept(locale) });
      await say({ kind: 'text', text: name });
      await say({ kind: 'contact', phone, ownership: 'proven' });
      return say({ kind: 'text', text: '12.03.1990' });
    },
    /** Presses the option labelled `label` on the question `reply` shows. */
    answers: (reply: Outbound | undefined, label: string) => {
      const button = buttonsOf(reply).find((candidate) => candidate.label === label);
      if (!button) throw new Error(`No option "${label}" in ${JSON.stringify(reply)}`);
      return player.presses(button.payload);
    },
  };
  return player;
}
