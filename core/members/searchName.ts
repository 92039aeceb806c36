/**
 * A name as search compares it: lower case, accents and other marks taken
 * off (a Romanian s with comma below becomes s, a Russian short i becomes i),
 * spaces squeezed. Stored
 * beside the name and applied to the query alike, so matching is the same on
 * SQLite (whose `lower()` knows only ASCII) and PostgreSQL.
 */
export function searchName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}
