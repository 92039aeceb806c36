import { z } from 'zod';
import type { MemberReference } from '../../core/points/pointsPorts.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { credentialOf, defineRoute, type ApiRoute } from '../apiRoute.ts';
import { cardField, codeField, idParams, localeField, nameField, phoneField } from '../fields.ts';
import { memberLookupViewSchema, memberViewSchema, toMemberView } from '../memberView.ts';
import { withCodeGuessLimit, withPhoneLookupLimit } from '../codeGuessLimit.ts';
import { ApiProblem, codeExpiredDetail } from '../problem.ts';
import { welcomeBonus } from '../../core/members/welcomeBonus.ts';

/** Enrolment at the till, look-up by what the customer shows, and one member by id. */
export function memberRoutes(deps: ApiDeps): ApiRoute[] {
  return [enrolMember(deps), lookUpMember(deps), getMember(deps)];
}

function enrolMember(deps: ApiDeps): ApiRoute {
  const body = z.strictObject({
    phone: phoneField(deps.settings.phoneRegion),
    name: nameField,
    locale: localeField,
    consent: z.boolean().meta({
      description: 'The customer agreed to the programme terms and the processing of their data; must be true.',
    }),
  });
  return defineRoute({
    method: 'POST',
    path: '/api/v1/members',
    operationId: 'enrolMember',
    tag: 'Members',
    access: 'till',
    body,
    summary: 'Enrol a customer at the till',
    description:
      'Issues a card with the welcome bonus. When the person later opens the bot and shares this phone, the chat joins this member.',
    example: { body: { phone: '+37369123456', name: 'Ana Popescu', locale: 'ro', consent: true } },
    responses: { 201: { description: 'The new member.', schema: memberViewSchema } },
    problems: ['consent-required', 'phone-taken'],
    handle: async ({ body }) => {
      if (!body.consent)
        throw new ApiProblem(
          'consent-required',
          'Ask the customer to agree to the programme terms, then send consent: true; nothing was stored.',
        );
      const at = deps.clock();
      const rules = await deps.points.rules();
      const result = await deps.members.enrolAtTill({
        ...body,
        at,
        consentVersion: deps.settings.consentVersion,
        welcome: welcomeBonus(rules, at),
      });
      if (!result.ok)
        throw new ApiProblem(
          'phone-taken',
          'A member with this phone number exists; look them up with GET /api/v1/members?phone=… instead.',
        );
      return { status: 201, body: toMemberView(result.member, rules) };
    },
  });
}

function lookUpMember(deps: ApiDeps): ApiRoute {
  const query = z
    .strictObject({
      phone: phoneField(deps.settings.phoneRegion).optional(),
      card: cardField.optional(),
      code: codeField.optional(),
    })
    .refine((q) => Object.keys(q).length === 1, 'give exactly one of phone, card or code');
  return defineRoute({
    method: 'GET',
    path: '/api/v1/members',
    operationId: 'lookUpMember',
    tag: 'Members',
    access: 'till',
    query,
    summary: 'Look a member up by phone, card number or one-time code',
    description:
      'Exactly one of `phone`, `card` or `code`. Looking up by code does not use the code up; the purchase does. A code that expired or was used answers `code-expired`, as the purchase does. ' +
      'The card number is answered only to a look-up by card. Codes that match no one (10 a minute) and look-ups by phone (`API_PHONE_LOOKUPS_PER_MINUTE`, 60) are limited per API key: then 429 with Retry-After.',
    example: { query: { phone: '+37369123456' } },
    responses: { 200: { description: 'The member.', schema: memberLookupViewSchema } },
    problems: ['member-not-found', 'code-expired'],
    handle: async ({ query, client }) => {
      const reference: MemberReference = query.card
        ? { cardNumber: query.card }
        : query.phone
          ? { phone: query.phone }
          : { code: query.code! };
      const find = async () => {
        const value = await deps.points.findMember(reference, credentialOf(client));
        return { matched: value !== null, value };
      };
      const found =
        'code' in reference
          ? await withCodeGuessLimit(deps, client, find)
          : 'phone' in reference
            ? await withPhoneLookupLimit(deps, client, async () => (await find()).value)
            : (await find()).value;
      // Read again through currentMember so that points expired by now are not shown as spendable.
      const member = found && (await deps.points.currentMember(found.id));
      if (!found && query.code && (await deps.points.whyNoMemberFor(query.code)) === 'expired')
        throw new ApiProblem('code-expired', codeExpiredDetail);
      if (!member)
        throw new ApiProblem(
          'member-not-found',
          'No member matches; check the number, or enrol the customer with POST /api/v1/members.',
        );
      const view = toMemberView(member, await deps.points.rules());
      // The card number only to whoever named the card: a phone or a code must not yield a number to pay with.
      return { status: 200, body: 'cardNumber' in reference ? view : { ...view, cardNumber: undefined } };
    },
  });
}

function getMember(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/members/{id}',
    operationId: 'getMember',
    tag: 'Members',
    access: 'read',
    params: idParams,
    summary: "A member's balance, tier and stamps",
    example: { params: { id: '0b5f4c7e-2f0a-4d63-9a55-2f4f6c1d9e01' } },
    responses: { 200: { description: 'The member.', schema: memberViewSchema } },
    problems: ['member-not-found', 'member-erased'],
    handle: async ({ params }) => {
      const member = await deps.points.currentMember(params.id);
      if (!member) throw new ApiProblem('member-not-found', `There is no member ${params.id}.`);
      if (member.erasedAt)
        throw new ApiProblem('member-erased', `The personal data of member ${params.id} was erased.`);
      return { status: 200, body: toMemberView(member, await deps.points.rules()) };
    },
  });
}
