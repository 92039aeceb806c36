/**
 * The messages that run by themselves, each on or off with its own text:
 * the welcome series on the day a member joins and 3 and 7 days later, a
 * win-back after days without a purchase, and the anniversary of joining.
 */
export const automationKinds = ['welcome-0', 'welcome-3', 'welcome-7', 'win-back', 'anniversary'] as const;
export type AutomationKind = (typeof automationKinds)[number];

export function isAutomationKind(value: unknown): value is AutomationKind {
  return typeof value === 'string' && (automationKinds as readonly string[]).includes(value);
}

/** The automatic messages that came before campaigns; listed beside them so every one is seen in one place. */
export const builtInAutomations = ['birthday', 'expiry'] as const;
export type BuiltInAutomation = (typeof builtInAutomations)[number];

/** Win-back's default: 60 days without a purchase, and at most one such message per member in that time. */
export const WIN_BACK_DAYS = 60;
