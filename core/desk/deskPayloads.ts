/**
 * The desk's buttons: `close` is the customer's (✖ Close my request, in the
 * chat); `take` and `resolve` are the staff channel's, whose payloads come
 * back from Slack as the action's value.
 */
export const deskPayload = {
  close: (ticketId: string) => `close:${ticketId}`,
  take: (ticketId: string) => `desk:take:${ticketId}`,
  resolve: (ticketId: string) => `desk:resolve:${ticketId}`,
} as const;

export type DeskAction = { action: 'take' | 'resolve'; ticketId: string };

export function parseDeskPayload(raw: string): DeskAction | null {
  const [scope, action, ticketId, extra] = raw.split(':');
  if (scope !== 'desk' || (action !== 'take' && action !== 'resolve') || !ticketId || extra !== undefined) return null;
  return { action, ticketId };
}
