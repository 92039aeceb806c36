/**
 * What staff write in Slack, as plain text a customer can read in any
 * messenger. Slack sends its markup in angle brackets (`<@U…>` mentions,
 * `<#C…|name>` channels, `<!here>`, `<https://…|label>` links) and encodes
 * `&`, `<` and `>` as entities everywhere else; passed on raw, a customer
 * would read `&lt;3` and `<@U0MARIA01>`.
 *
 * `nameOf` answers the name of a mentioned user (see `mentionedUsers`); an
 * unknown user is shown by their id.
 */
export function slackMarkupToText(text: string, nameOf: (userId: string) => string | undefined): string {
  // One pass over tokens and entities alike, so nothing is decoded twice (`&amp;lt;` stays `&lt;`).
  return text.replace(MARKUP_OR_ENTITY, (_match, inner: string | undefined, entity: string | undefined) =>
    inner === undefined ? ENTITIES[entity!]! : readableToken(inner, nameOf),
  );
}

/** The users a text mentions without a label, whose names `slackMarkupToText` needs. */
export function mentionedUsers(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([A-Z0-9]+)>/g)].map((match) => match[1]!))];
}

const MARKUP_OR_ENTITY = /<([^<>]*)>|&(lt|gt|amp);/g;
const ENTITY = /&(lt|gt|amp);/g;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&' };
/** Slack's special mentions, as people write them. */
const SPECIAL: Record<string, string> = { here: '@here', channel: '@channel', everyone: '@everyone' };

function decodeEntity(_entity: string, name: string): string {
  return ENTITIES[name]!;
}

/** One `<…>` token; its parts are encoded like the rest of the text. */
function readableToken(inner: string, nameOf: (userId: string) => string | undefined): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decode(inner.slice(bar + 1));
  switch (target[0]) {
    case '@':
      return label ? withSigil('@', label) : `@${nameOf(target.slice(1)) ?? target.slice(1)}`;
    case '#':
      return withSigil('#', label ?? target.slice(1));
    case '!':
      return label ?? SPECIAL[target.slice(1)] ?? '';
    default:
      return link(decode(target), label);
  }
}

/** `label (url)`, or the one of them when they say the same. */
function link(url: string, label: string | undefined): string {
  const shown = url.replace(/^mailto:/, '');
  if (!label || label === url || label === shown || label === url.replace(/^https?:\/\//, '')) return label ?? shown;
  return `${label} (${shown})`;
}

function withSigil(sigil: string, name: string): string {
  return name.startsWith(sigil) ? name : `${sigil}${name}`;
}

function decode(text: string): string {
  return text.replace(ENTITY, decodeEntity);
}
