/**
 * A member's phone number as the staff channel shows it. The whole channel
 * reads every ticket card, so by default only the last four digits are
 * shown: enough to confirm a number with the customer, not to collect it.
 * `DESK_SHOW_PHONE=true` shows it whole.
 */
export function phoneForStaff(phone: string | null, showPhone: boolean): string {
  // A member whose unproven number went to its proven owner has none.
  if (phone === null) return '—';
  if (showPhone) return phone;
  const digits = phone.replace(/\D/g, '');
  return `•••• ${digits.slice(-4)}`;
}
