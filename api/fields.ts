import { z } from 'zod';
import { locales } from '../core/i18n/locale.ts';
import { isValidCardNumber } from '../core/members/cardNumber.ts';
import { normalizePhone } from '../core/members/normalizePhone.ts';
import { validateName } from '../core/members/validateName.ts';

// Request fields shared by several routes. Each checks what the server
// really requires, and its metadata feeds the OpenAPI document.

/** A phone number in any usual form, read in the programme's region and answered in E.164. */
export function phoneField(region: string) {
  return z
    .string()
    .min(5)
    .max(32)
    .transform((value, ctx) => {
      const e164 = normalizePhone(value, region);
      if (e164) return e164;
      ctx.addIssue({
        code: 'custom',
        message: `is not a valid phone number (numbers without a country code are read as ${region})`,
      });
      return z.NEVER;
    })
    .meta({
      description: `Phone number, international (+37369123456) or national in the programme's region.`,
      examples: ['+37369123456'],
    });
}

/** The 12-digit card number; spaces as printed on the card are allowed, the check digit catches typos. */
export const cardField = z
  .string()
  .regex(/^\d{4} ?\d{4} ?\d{4}$/, 'must be 12 digits')
  .refine((value) => isValidCardNumber(value.replaceAll(' ', '')), 'has a wrong check digit; it was probably mistyped')
  .transform((value) => value.replaceAll(' ', ''))
  .meta({
    description: 'Card number: 12 digits, the last a Luhn check digit; spaces allowed.',
    examples: ['100000000008'],
  });

/** The short one-time code on the member's card screen. */
export const codeField = z
  .string()
  .regex(/^\d{6}$/, 'must be the 6 digits shown on the card screen')
  .meta({
    description: 'One-time code from the card screen, valid for a few minutes and used up by a purchase.',
    examples: ['123456'],
  });

export const nameField = z
  .string()
  .max(200)
  .refine(
    (value) => validateName(value) !== null,
    'must be a name: 1 to 60 characters with letters, no digits or symbols',
  )
  .transform((value) => validateName(value)!)
  .meta({ examples: ['Ana Popescu'] });

export const localeField = z.enum(locales).meta({ description: 'Language of the messages the member receives.' });

export const idParams = z.strictObject({
  id: z.string().min(1).max(64).meta({ description: 'Identifier from an earlier answer.' }),
});

/** Money in minor units (bani, kopecks, cents). Kept within what a 32-bit column holds with room for lifetime sums. */
export const amountField = z
  .number()
  .int()
  .min(1)
  .max(100_000_000)
  .meta({ description: 'Amount in minor units (bani), a whole number.' });

export const timestamp = z.iso.datetime().meta({ description: 'ISO 8601 time in UTC.' });
