/**
 * Slack reads `&`, `<` and `>` as markup: `<!channel>` pings everyone,
 * `<https://…|label>` is a link. Everything the desk shows — a customer's
 * words, a member's name — is escaped, so nobody can ping or disguise a link.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Someone's words as a block quote. */
export function quoteSlack(text: string): string {
  return escapeSlack(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Slack refuses blocks whose text is too long; cut, never fail. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
