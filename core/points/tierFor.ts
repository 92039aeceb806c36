import type { ProgramRules, Tier } from '../program/programRules.ts';

/** The figures a tier is decided by: never the spendable balance. */
export interface LifetimeFigures {
  lifetimeSpend: number;
  lifetimeEarned: number;
}

/** The highest tier whose threshold the member's lifetime figure reaches. */
export function tierFor(rules: ProgramRules, figures: LifetimeFigures): Tier {
  const value = rules.tierBasis === 'spend' ? figures.lifetimeSpend : figures.lifetimeEarned;
  let reached = rules.tiers[0]!;
  for (const tier of rules.tiers) if (value >= tier.threshold) reached = tier;
  return reached;
}
