import type { PayloadKind } from '../menu/menuPorts.ts';
import { answerOffers } from './answerOffers.ts';
import { OFFERS_SCOPE } from './offersPayloads.ts';

/** News and offers: yes or no after registration, Stop under a campaign message, the switch in the settings. */
export const marketingPayloadKinds: PayloadKind[] = [{ scope: OFFERS_SCOPE, answer: answerOffers }];
