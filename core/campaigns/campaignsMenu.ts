import type { PayloadKind } from '../menu/menuPorts.ts';
import { answerCampaignButton } from './answerCampaignButton.ts';
import { CAMPAIGN_SCOPE } from './campaignPayloads.ts';

/** The buttons under campaign messages. */
export const campaignsPayloadKinds: PayloadKind[] = [{ scope: CAMPAIGN_SCOPE, answer: answerCampaignButton }];
