/** Who works in the console, from most to least trusted. */
export const roles = ['owner', 'marketer', 'support', 'viewer'] as const;
export type Role = (typeof roles)[number];

/**
 * What a route needs. The admin token and the owner may do everything; an
 * API key's scopes and an account's role each grant a set of these.
 */
export const permissions = [
  /** Till work: look-ups by phone or code, enrolment, purchases, refunds. */
  'till',
  /** Reading a member and their ledger. */
  'read',
  /** The programme's rules. */
  'program',
  /** The staff desk: tickets, replies, take and resolve. */
  'desk',
  /** Finding members and seeing their page. */
  'members',
  /** Adding or taking points by hand. */
  'adjust',
  /** Exporting and erasing a person's data. */
  'privacy',
  /** Creating, publishing and closing quizzes (their results are `reports`). */
  'quizzes',
  /** Figures and reports, read-only. */
  'reports',
  /** Sending a survey (NPS) to members. */
  'surveys',
  /** Segments and campaigns: choosing members and writing to them. */
  'campaigns',
  /** Creating photo and drawing contests. */
  'contests',
  /** Approving or rejecting contest entries. */
  'moderation',
  /** Accounts, API keys, cashiers and the audit log. */
  'admin',
] as const;
export type Permission = (typeof permissions)[number];

const granted: Record<Role, readonly Permission[]> = {
  owner: permissions,
  marketer: [
    'read',
    'program',
    'members',
    'adjust',
    'quizzes',
    'reports',
    'surveys',
    'campaigns',
    'contests',
    'moderation',
  ],
  support: ['read', 'desk', 'members', 'moderation'],
  viewer: ['reports'],
};

export function mayRole(role: Role, permission: Permission): boolean {
  return granted[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return granted[role];
}
