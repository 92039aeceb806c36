import type { AssistantDeps } from '../conversation/turn.ts';
import { ConflictError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/translator.ts';
import type { Inbound } from '../inbound.ts';
import { formatMoney } from '../points/formatMoney.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { Cashier } from './tillPorts.ts';
import type { TillState } from './tillState.ts';

/** One update at the till: the cashier, in their chat's language, at this moment. */
export interface TillTurn {
  deps: AssistantDeps;
  inbound: Inbound;
  cashier: Cashier;
  locale: Locale;
  t: Translate;
  now: Date;
}

export function tillTurnIn(deps: AssistantDeps, inbound: Inbound, cashier: Cashier, locale: Locale): TillTurn {
  return { deps, inbound, cashier, locale, t: deps.translator.forLocale(locale), now: deps.clock() };
}

/**
 * Moves the till to its next state, or throws if another update of the same
 * cashier got there first; the assistant then answers again on fresh state.
 * A turn saves at most once: the version it read is good for one write.
 */
export async function saveTillState(turn: TillTurn, state: TillState): Promise<void> {
  const saved = await turn.deps.till.saveSession(turn.cashier.staffId, turn.cashier.version, state);
  if (!saved) throw new TillChangedError();
}

/** Another update of the same cashier moved the till first; the update is answered again on the till's fresh state. */
export class TillChangedError extends ConflictError {
  constructor() {
    super('till session');
  }
}

/** Money in the programme's currency, as the cashier reads it. */
export function moneyIn(turn: TillTurn, rules: ProgramRules): (minorUnits: number) => string {
  return (minorUnits) => formatMoney(minorUnits, rules.currency, turn.locale);
}
