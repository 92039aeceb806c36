import type { ProgramRules } from '../program/programRules.ts';

/** How long an instance keeps using the rules it read: a marketer's change reaches every instance within this. */
export const RULES_CACHE_MS = 2_000;

/**
 * The programme rules, read from storage at most once per `RULES_CACHE_MS`:
 * every purchase and balance view needs them, and they change rarely. A save
 * on this instance is seen at once.
 */
export function cachedRules(load: () => Promise<ProgramRules>, save: (rules: ProgramRules) => Promise<void>) {
  let cached: { rules: ProgramRules; readAt: number } | null = null;
  return {
    get: async (): Promise<ProgramRules> => {
      // Wall time, not the business clock: this is about staleness, and tests freeze the business clock.
      const now = Date.now();
      if (cached && now - cached.readAt >= 0 && now - cached.readAt < RULES_CACHE_MS) return cached.rules;
      const rules = await load();
      cached = { rules, readAt: now };
      return rules;
    },
    save: async (rules: ProgramRules): Promise<void> => {
      await save(rules);
      cached = null;
    },
  };
}
