import { describe, expect, it } from 'vitest';
import { programRulesSchema } from '../../../core/program/programRules.ts';

describe('the attachment rule of the programme', () => {
  it('defaults to two purchases a month for three months', () => {
    expect(programRulesSchema.parse({}).attachment).toEqual({ purchasesPerMonth: 2, months: 3 });
  });

  it('keeps a default for a part left out', () => {
    expect(programRulesSchema.parse({ attachment: { months: 6 } }).attachment).toEqual({
      purchasesPerMonth: 2,
      months: 6,
    });
  });

  it('refuses no purchases, or more than twelve months, naming the field', () => {
    const refused = programRulesSchema.safeParse({ attachment: { purchasesPerMonth: 0, months: 13 } });
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'attachment.purchasesPerMonth',
      'attachment.months',
    ]);
  });
});
