import { z } from 'zod';
import type { AuditEntry } from '../../core/audit/auditPorts.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { timestamp } from '../fields.ts';

const entrySchema = z.object({
  id: z.string(),
  at: timestamp,
  actor: z
    .string()
    .meta({ description: '`admin`, `key:<id>`, `account:<id>`, or `system` (the product, by its rules).' }),
  action: z.string().meta({ examples: ['phone.released'] }),
  subject: z.string().meta({ examples: ['member:5d0c3a44-8a1e-4f57-b0a3-7f1f4b0f2c11'] }),
  before: z.unknown(),
  after: z.unknown(),
});

const query = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso
    .datetime()
    .optional()
    .meta({ description: 'Entries older than this time: the `at` of the last one seen.' }),
  subject: z
    .string()
    .max(200)
    .optional()
    .meta({ examples: ['member:5d0c3a44-8a1e-4f57-b0a3-7f1f4b0f2c11'] }),
});

/** The audit log: every change, who made it and the values before and after; the admin token reads it. */
export function auditRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/audit',
      operationId: 'listAuditEntries',
      tag: 'Audit',
      access: 'admin',
      query,
      summary: 'Read the audit log, newest first',
      example: { query: { limit: '20' } },
      responses: { 200: { description: 'A page of entries.', schema: z.object({ entries: z.array(entrySchema) }) } },
      problems: [],
      handle: async ({ query: { limit, before, subject } }) => {
        const entries = await deps.audit.page({
          limit,
          ...(before && { before: new Date(before) }),
          ...(subject && { subject }),
        });
        return { status: 200, body: { entries: entries.map(view) } };
      },
    }),
  ];
}

function view(entry: AuditEntry) {
  return { ...entry, at: entry.at.toISOString() };
}
