import { message, type Outbound } from '../outbound.ts';
import type { ParsedPayload } from '../payloads.ts';
import type { ChatRecord } from './conversationPorts.ts';
import { validateName } from '../members/validateName.ts';
import { carryReferral } from './chatState.ts';
import { promptFor } from './prompts.ts';
import { saveState } from './saveState.ts';
import type { Turn } from './turn.ts';

/** Registration, step 1: the member's name, typed or taken from the profile. */
export async function answerName(turn: Turn, chat: ChatRecord, pressed: ParsedPayload | null): Promise<Outbound[]> {
  const { event, profileName } = turn.inbound;
  const given = pressed?.kind === 'useProfileName' ? profileName : event.kind === 'text' ? event.text : undefined;
  const name = given === undefined ? null : validateName(given);
  if (name === null) return [message(turn.t('registration.badName')), promptFor(turn, chat.state)];
  const next = { v: 1, step: 'phone', name, ...carryReferral(chat.state) } as const;
  await saveState(turn, chat, { state: next });
  return [promptFor(turn, next)];
}
