import type { DynamicMenuEntries, MenuEntry, MenuRegistry, PayloadKind } from './menuPorts.ts';

/**
 * A registry of menu entries and payload kinds. Ids, commands, intents and
 * scopes must each be unique: a clash is a programming error, refused at
 * start-up instead of one capability silently shadowing another.
 */
export function createMenuRegistry(
  entries: readonly MenuEntry[],
  payloadKinds: readonly PayloadKind[] = [],
  dynamic: readonly DynamicMenuEntries[] = [],
): MenuRegistry {
  // `main` is the way back to the menu itself (mainMenu.ts), never an entry.
  if (entries.some((entry) => entry.id === 'main')) throw new Error('The menu entry id "main" is reserved.');
  const byId = indexBy(entries, (entry) => [entry.id], 'menu entry id');
  const byCommand = indexBy(entries, (entry) => entry.commands, 'command');
  const byIntent = indexBy(entries, (entry) => [entry.intent ?? entry.id], 'intent');
  const byScope = indexBy(payloadKinds, (kind) => [kind.scope], 'payload scope');
  return {
    entries,
    byId: (id) => byId.get(id),
    byCommand: (command) => byCommand.get(command),
    byIntent: (intent) => byIntent.get(intent),
    payloadKind: (payload) => byScope.get(payload.split(':')[0] ?? ''),
    dynamic,
  };
}

function indexBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[], what: string): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      if (index.has(key)) throw new Error(`Two capabilities register the ${what} "${key}"; each must be unique.`);
      index.set(key, item);
    }
  }
  return index;
}
