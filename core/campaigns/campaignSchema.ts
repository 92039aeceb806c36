import { z } from 'zod';
import { locales } from '../i18n/locale.ts';
import { localizedText, publicHttpsUrl } from '../textFields.ts';
import { campaignCategories } from './campaignCategories.ts';
import { menuActions } from './campaign.ts';

const localized = localizedText;

/** https only, no credentials: Viber and the web chat take no other, and the address reaches every recipient. */
const httpsUrl = (description: string) => publicHttpsUrl().meta({ description });

export const campaignActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('menu'), action: z.enum(menuActions) }),
  z.strictObject({ kind: z.literal('quiz'), quizId: z.string().min(1).max(40) }),
  z.strictObject({ kind: z.literal('url'), url: httpsUrl('The page the button opens.') }),
]);

export const campaignButtonSchema = z.strictObject({
  // Telegram shows a button's label on one line; longer ones are cut.
  label: localized(40, 'The button’s label.'),
  action: campaignActionSchema.meta({
    description: 'What the button does: opens a menu screen, starts a quiz, or opens a web page.',
  }),
});

/** What a marketer writes; checked again against the channels' limits (messageLimits.ts). */
export const campaignInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).meta({ description: 'Shown to staff only.' }),
  segmentId: z.string().min(1).max(64).meta({ description: 'The saved segment the campaign goes to.' }),
  category: z
    .enum(campaignCategories)
    .default('offers')
    .meta({ description: 'The kind of message; a member can switch each kind off on its own.' }),
  messages: localized(7000, 'The text. `{name}`, `{balance}` and `{tier}` become the member’s name, balance and tier.'),
  buttons: z.array(campaignButtonSchema).max(3).default([]),
  imageUrl: httpsUrl('A picture sent with the text (Viber fetches it by this address).').nullable().default(null),
  sendAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .default(null)
    .meta({ description: 'When to send; null sends when started. Quiet hours still apply.' }),
  holdoutPercent: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(10)
    .meta({ description: 'The share of the segment that gets nothing, drawn at random: the baseline of the results.' }),
  resultDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .meta({ description: 'Days after the start in which purchases count towards the results.' }),
});

export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** What storage keeps as JSON, read back through these. */
export const storedMessagesSchema = z.partialRecord(z.enum(locales), z.string());
export const storedButtonsSchema = z.array(campaignButtonSchema);
