import { z } from 'zod';
import type { StaffRecord } from '../../core/staff/staffPorts.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { idParams, timestamp } from '../fields.ts';
import { ApiProblem } from '../problem.ts';

const staffSchema = z.object({
  id: z.string(),
  channel: z.string(),
  address: z.string(),
  name: z.string(),
  role: z.string(),
  grantedAt: timestamp,
  revokedAt: timestamp.nullable(),
});

const grantBody = z.strictObject({
  channel: z.enum(['telegram']).meta({ description: 'Where the person works the till.' }),
  address: z
    .string()
    .regex(/^\d{1,20}$/, 'must be the numeric Telegram user id')
    .meta({ description: 'Their Telegram user id.', examples: ['123456789'] }),
  name: z.string().trim().min(1).max(100),
  role: z.enum(['cashier']),
});

/** Who may work the till in a messenger: granted and revoked by an administrator. */
export function staffRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Staff', access: 'admin' } as const;
  return [
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/staff',
      operationId: 'grantStaff',
      body: grantBody,
      summary: 'Grant a role (cashier) to a person in a messenger',
      example: { body: { channel: 'telegram', address: '123456789', name: 'Ion', role: 'cashier' } },
      responses: {
        201: { description: 'Granted.', schema: staffSchema },
        200: { description: 'They held the role already (or held it before and have it back).', schema: staffSchema },
      },
      problems: [],
      handle: async ({ body, client }) => {
        const { staff, created } = await deps.staff.grant(body, deps.clock());
        const after = { channel: staff.channel, name: staff.name, role: staff.role };
        await auditChange(deps, client, { action: 'staff.granted', subject: `staff:${staff.id}`, before: null, after });
        return { status: created ? 201 : 200, body: view(staff) };
      },
    }),
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/staff',
      operationId: 'listStaff',
      summary: 'Everyone who holds a role now',
      responses: {
        200: { description: 'Current grants, oldest first.', schema: z.object({ staff: z.array(staffSchema) }) },
      },
      problems: [],
      handle: async () => ({ status: 200, body: { staff: (await deps.staff.list()).map(view) } }),
    }),
    defineRoute({
      ...common,
      method: 'DELETE',
      path: '/api/v1/staff/{id}',
      operationId: 'revokeStaff',
      params: idParams,
      summary: 'Revoke a role at once',
      example: { params: { id: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c' } },
      responses: {
        200: { description: 'The revoked grant; revoking again keeps the first time.', schema: staffSchema },
      },
      problems: ['staff-not-found'],
      handle: async ({ params, client }) => {
        const revoked = await deps.staff.revoke(params.id, deps.clock());
        if (revoked)
          await auditChange(deps, client, {
            action: 'staff.revoked',
            subject: `staff:${revoked.id}`,
            before: { role: revoked.role },
            after: { revokedAt: revoked.revokedAt },
          });
        if (!revoked)
          throw new ApiProblem(
            'staff-not-found',
            `There is no staff grant ${params.id}; GET /api/v1/staff lists them.`,
          );
        return { status: 200, body: view(revoked) };
      },
    }),
  ];
}

function view(staff: StaffRecord) {
  return { ...staff, grantedAt: staff.grantedAt.toISOString(), revokedAt: staff.revokedAt?.toISOString() ?? null };
}
