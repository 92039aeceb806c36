/** The short reference staff and customers can quote for a ticket ("#3F9A1C"). */
export function ticketReference(ticketId: string): string {
  return `#${ticketId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}
