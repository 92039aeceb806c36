import { z } from 'zod';
import { InvalidCursorError } from '../../core/errors.ts';
import { memberCriteria } from '../../core/members/memberSearch.ts';
import type { MemberProfile } from '../../core/members/membersPorts.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { idParams } from '../fields.ts';
import {
  purchasesPageSchema,
  profileSchema,
  searchPageSchema,
  toListing,
  toProfile,
  toPurchaseListing,
} from '../memberPageViews.ts';
import { ApiProblem } from '../problem.ts';
import { validationProblem } from '../validateRequest.ts';

const EXAMPLE_ID = '0b5f4c7e-2f0a-4d63-9a55-2f4f6c1d9e01';

const pageFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Rows per page, 1 to 100.' }),
  cursor: z.string().min(1).max(500).optional().meta({ description: '`next` of the previous page.' }),
};

/** What the console's member pages read: search, a member's page, their purchases. */
export function memberPageRoutes(deps: ApiDeps): ApiRoute[] {
  return [searchMembers(deps), getProfile(deps), listPurchases(deps)];
}

function searchMembers(deps: ApiDeps): ApiRoute {
  const query = z.strictObject({
    q: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .meta({
        description:
          'Part of a name (any case, accents optional), a phone number in any spelling or its last four or more digits, or a card number with or without spaces.',
        examples: ['popescu'],
      }),
    ...pageFields,
  });
  return defineRoute({
    method: 'GET',
    path: '/api/v1/members/search',
    operationId: 'searchMembers',
    tag: 'Members',
    access: 'members',
    query,
    summary: 'Search members by name, phone or card number',
    description:
      'Matches by name (partial, case-insensitive), by phone and by card number; ordered by name. A query with letters is part of a name. A query of digits (spaces, dashes, brackets and a leading + ignored) is a whole phone number when it is one in any spelling (`+373 69 123 456`, `373…`, `069 123 456`), matched as E.164; otherwise, with four digits or more, the end of a number (`3456`, `12-34-56`), never digits from its middle; and, with twelve valid digits, a card number. Erased members are never found. Phones are shown by their last four digits; the tier is the one the current rules give.',
    example: { query: { q: 'popescu', limit: '20' } },
    responses: { 200: { description: 'A page of members.', schema: searchPageSchema } },
    problems: [],
    handle: async ({ query: { q, limit, cursor } }) => {
      const criteria = memberCriteria(q, deps.settings.phoneRegion);
      if (!criteria) return { status: 200, body: { members: [], next: null } };
      const page = await withCursor(() => deps.directory.search(criteria, { limit, ...(cursor && { cursor }) }));
      const rules = await deps.points.rules();
      return { status: 200, body: { members: page.members.map((m) => toListing(m, rules)), next: page.next } };
    },
  });
}

function getProfile(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/members/{id}/profile',
    operationId: 'getMemberProfile',
    tag: 'Members',
    access: 'members',
    params: idParams,
    summary: "A member's page: card, tier, balance, lifetime figures, chats, notifications, consent, tickets",
    description: 'The ledger and the purchases are paged on their own routes.',
    example: { params: { id: EXAMPLE_ID } },
    responses: { 200: { description: "The member's page.", schema: profileSchema } },
    problems: ['member-not-found', 'member-erased'],
    handle: async ({ params }) => {
      // currentMember retires expired lots first, so the balance shown is spendable.
      await deps.points.currentMember(params.id);
      const profile = liveProfile(await deps.directory.profile(params.id), params.id);
      return { status: 200, body: toProfile(profile, await deps.points.rules()) };
    },
  });
}

function listPurchases(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/members/{id}/purchases',
    operationId: 'listMemberPurchases',
    tag: 'Members',
    access: 'members',
    params: idParams,
    query: z.strictObject(pageFields),
    summary: "A member's purchases with their refunds, newest first",
    example: { params: { id: EXAMPLE_ID }, query: { limit: '20' } },
    responses: { 200: { description: 'A page of purchases.', schema: purchasesPageSchema } },
    problems: ['member-not-found'],
    handle: async ({ params, query: { limit, cursor } }) => {
      if (!(await deps.members.findMember(params.id)))
        throw new ApiProblem('member-not-found', `There is no member ${params.id}.`);
      const page = await withCursor(() => deps.directory.purchases(params.id, { limit, ...(cursor && { cursor }) }));
      return { status: 200, body: { purchases: page.purchases.map(toPurchaseListing), next: page.next } };
    },
  });
}

/** The profile of a member who exists and was not erased; otherwise the problem that says which. */
export function liveProfile(profile: MemberProfile | null, id: string): MemberProfile {
  if (!profile) throw new ApiProblem('member-not-found', `There is no member ${id}.`);
  if (profile.erasedAt)
    throw new ApiProblem(
      'member-erased',
      `The personal data of member ${id} was erased on ${profile.erasedAt.toISOString()}; only anonymous ledger and purchase records remain.`,
    );
  return profile;
}

async function withCursor<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw validationProblem([{ location: 'query', pointer: '/cursor', detail: error.message }]);
  }
}
