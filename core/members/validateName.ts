/** The longest name a member may give. */
export const NAME_MAX_LENGTH = 60;

/** A person's name as given, trimmed, or null when it cannot be a name. */
export function validateName(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > NAME_MAX_LENGTH) return null;
  if (!/\p{L}/u.test(name) || /[\d/@<>{}[\]\\]/u.test(name)) return null;
  return name;
}
