import { z } from 'zod';
import type { CsatSummary, NpsSummary, Report } from '../core/surveys/surveyReport.ts';

const distribution = z
  .array(z.object({ score: z.number().int(), count: z.number().int() }))
  .meta({ description: 'Answers per score, every score listed (0–10 for NPS, 1–5 for CSAT).' });

const npsFigures = {
  nps: z
    .number()
    .int()
    .nullable()
    .meta({ description: '% promoters − % detractors, −100 to 100; null without answers.' }),
  promoters: z.number().int().meta({ description: 'Answers of 9 or 10.' }),
  passives: z.number().int().meta({ description: 'Answers of 7 or 8.' }),
  detractors: z.number().int().meta({ description: 'Answers of 0 to 6.' }),
  responses: z.number().int(),
  distribution,
};
const csatFigures = {
  csat: z.number().int().nullable().meta({ description: 'Share of 4s and 5s, in percent; null without answers.' }),
  satisfied: z.number().int().meta({ description: 'Answers of 4 or 5.' }),
  responses: z.number().int(),
  distribution,
};
const rateFigures = {
  asked: z.number().int().meta({ description: 'Questions put to members in the range (muted ones excluded).' }),
  responseRate: z
    .number()
    .nullable()
    .meta({ description: 'Share of those answered in time, 0 to 1; null when none was asked.' }),
};
const key = z.string().nullable().meta({
  description: "The group: a week's Monday, a day, a tier, channel, store or language; null for none recorded.",
});

export const reportSchemas = {
  nps: z.object({ ...npsFigures, ...rateFigures, groups: z.array(z.object({ key, ...npsFigures })) }),
  csat: z.object({ ...csatFigures, ...rateFigures, groups: z.array(z.object({ key, ...csatFigures })) }),
};

export function npsView(report: Report<NpsSummary>): z.infer<typeof reportSchemas.nps> {
  return { ...report.summary, asked: report.asked, responseRate: report.responseRate, groups: report.groups };
}

export function csatView(report: Report<CsatSummary>): z.infer<typeof reportSchemas.csat> {
  return { ...report.summary, asked: report.asked, responseRate: report.responseRate, groups: report.groups };
}
