import { z } from 'zod';

/**
 * The kinds of problem this API reports, each with one HTTP status. The
 * `type` of a problem is `/api/problems/<kind>`: stable identifiers a client
 * can branch on, documented in the OpenAPI document.
 */
export const problemKinds = {
  validation: { status: 400, title: 'The request is not valid' },
  'malformed-request': { status: 400, title: 'The request body could not be read' },
  unauthorized: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'This credential may not call this route' },
  'refund-forbidden': { status: 403, title: 'Another credential recorded this purchase' },
  'not-found': { status: 404, title: 'No such route' },
  'member-not-found': { status: 404, title: 'No such member' },
  'purchase-not-found': { status: 404, title: 'No such purchase' },
  'api-key-not-found': { status: 404, title: 'No such API key' },
  'staff-not-found': { status: 404, title: 'No such staff grant' },
  'ticket-not-found': { status: 404, title: 'No such ticket' },
  'photo-not-found': { status: 404, title: 'No such photo in this ticket' },
  'quiz-not-found': { status: 404, title: 'No such quiz' },
  'contest-not-found': { status: 404, title: 'No such contest' },
  'entry-not-found': { status: 404, title: 'No such contest entry' },
  'entry-decided': { status: 409, title: 'Someone decided on this entry first' },
  'segment-not-found': { status: 404, title: 'No such segment' },
  'segment-name-taken': { status: 409, title: 'Another segment has this name' },
  'segment-reference-unknown': { status: 422, title: 'A filter names a contest or draw that does not exist' },
  'campaign-not-found': { status: 404, title: 'No such campaign' },
  'automation-not-found': { status: 404, title: 'This automatic message was never saved' },
  'campaign-not-editable': { status: 409, title: 'The campaign started: it no longer changes' },
  'campaign-wrong-status': { status: 409, title: 'The campaign is not in a state this command applies to' },
  'quiz-locked': { status: 409, title: 'Members have played this quiz: its questions and scoring cannot change' },
  'quiz-closed': { status: 409, title: 'The quiz is closed' },
  'quiz-changed': { status: 409, title: 'The quiz was changed by someone else meanwhile' },
  'draw-not-found': { status: 404, title: 'No such draw' },
  'draw-still-open': { status: 409, title: 'The draw’s entry window has not closed yet' },
  'draw-beacon-required': { status: 422, title: 'This draw announced a beacon source: its value is needed to run it' },
  'prize-code-not-found': { status: 404, title: 'No prize has this code' },
  'prize-code-redeemed': { status: 409, title: 'This prize code was redeemed already' },
  'prize-code-lapsed': { status: 410, title: 'This prize code lapsed unclaimed' },
  'ticket-taken': { status: 409, title: 'Another staff member has taken this ticket' },
  'ticket-resolved': { status: 409, title: 'The ticket is resolved' },
  'member-erased': { status: 410, title: "This member's personal data was erased" },
  'phone-taken': { status: 409, title: 'This phone number is already registered' },
  'receipt-conflict': { status: 409, title: 'This receipt was already recorded with other content' },
  'idempotency-key-reused': { status: 409, title: 'This Idempotency-Key was used for another request' },
  'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still being handled' },
  'unsupported-media-type': { status: 415, title: 'The request body must be JSON' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'not-a-picture': { status: 415, title: 'The file is no JPEG, PNG or WebP picture' },
  'uri-too-long': { status: 414, title: 'A path parameter is longer than 100 characters' },
  'consent-required': { status: 422, title: 'The member must consent before enrolment' },
  'code-invalid': { status: 422, title: 'No one-time code has this value' },
  'code-expired': { status: 422, title: 'The one-time code has expired or was used' },
  'redemption-refused': { status: 422, title: 'These points cannot be redeemed on this receipt' },
  'points-refused': { status: 422, title: 'The member does not have the points to take' },
  'confirmation-mismatch': { status: 422, title: 'The confirmation does not match' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'sign-in-refused': { status: 401, title: 'The email or the password is wrong' },
  'owner-exists': { status: 409, title: 'The console has an owner already' },
  'email-taken': { status: 409, title: 'An account with this email exists' },
  'account-not-found': { status: 404, title: 'No such account' },
  'last-owner': { status: 409, title: 'The console must keep an owner' },
  'setup-link-invalid': { status: 422, title: 'This set-up link was used or has expired' },
  'password-wrong': { status: 422, title: 'The current password is wrong' },
  'public-url-unset': { status: 409, title: 'PUBLIC_URL is not an https address, so messengers cannot fetch pictures' },
  internal: { status: 500, title: 'Internal error' },
  'photo-unavailable': { status: 503, title: "The customer's messenger did not give the photo" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof problemKinds;

/** One answer wherever a used or expired one-time code is given: the lookup and the purchase. */
export const codeExpiredDetail =
  'This one-time code has expired or was already used; ask the customer to tap “New code” on their card, or use the card number.';

/**
 * Why a field was refused, in words a client can translate. The schema's own
 * rules (`first-tier-not-zero`…) and the quiz rules (`no-wrong-option`…)
 * name themselves through an issue's `params.reason`.
 */
export const fieldReasons = [
  'too-small',
  'too-big',
  'not-integer',
  'not-a-number',
  'wrong-type',
  'wrong-format',
  'not-an-option',
  'unknown-field',
  'first-tier-not-zero',
  'thresholds-not-increasing',
  'codes-not-unique',
  'needs-a-language',
  'no-such-option',
  'option-twice',
  'no-wrong-option',
  'closes-before-opens',
  'has-credentials',
  'invalid',
] as const;
export type FieldReason = (typeof fieldReasons)[number];

/** RFC 9457 problem details; extensions sit beside the standard members. */
export const problemSchema = z
  .object({
    type: z.string().meta({
      description: 'URI reference naming the kind of problem: `/api/problems/<kind>`.',
      examples: ['/api/problems/validation'],
    }),
    title: z.string().meta({ description: 'Short summary of the kind, the same for every occurrence.' }),
    status: z.number().int().meta({ description: 'The HTTP status code.' }),
    detail: z.string().meta({ description: 'What went wrong this time and what to do about it.' }),
    instance: z.string().meta({ description: 'The path of the request that failed.' }),
    errors: z
      .array(
        z.object({
          location: z.enum(['body', 'query', 'path', 'header']),
          pointer: z.string(),
          detail: z.string(),
          reason: z.enum(fieldReasons).optional().meta({
            description:
              'Why, as a stable word a client can translate: a bound (`too-small`, `too-big`, with `limit`), a type or format, an unknown field, or one of the programme rules’ own checks.',
          }),
          limit: z.number().optional().meta({ description: 'The bound of `too-small` or `too-big`.' }),
        }),
      )
      .optional()
      .meta({
        description: 'Validation problems only: each invalid field, as a JSON pointer into its part of the request.',
      }),
  })
  .catchall(z.unknown())
  .meta({ description: 'RFC 9457 problem details, sent as application/problem+json.' });

export type ProblemBody = z.infer<typeof problemSchema>;

/** An answer that is not a success; thrown from anywhere in a handler and rendered once. */
export class ApiProblem extends Error {
  readonly status: number;

  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.status = problemKinds[kind].status;
  }

  /** The RFC 9457 body, for a request to `path`. */
  toBody(path: string): ProblemBody {
    const { title, status } = problemKinds[this.kind];
    return { type: problemType(this.kind), title, status, detail: this.detail, instance: path, ...this.extensions };
  }
}

export function problemType(kind: ProblemKind): string {
  return `/api/problems/${kind}`;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
