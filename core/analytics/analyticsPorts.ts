/** Programme-local days, `YYYY-MM-DD`, both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** The same period as instants: from the first day's local midnight to the midnight after the last day. */
export interface InstantRange {
  from: Date;
  to: Date;
}

/** What the daily roll-up adds up over days. */
export interface DayTotals {
  purchases: number;
  /** Minor units. */
  revenue: number;
  newMembers: number;
  pointsIssued: number;
  pointsRedeemed: number;
  pointsExpired: number;
}

export interface CohortCell {
  /** `YYYY-MM` the members joined in. */
  joinMonth: string;
  /** `YYYY-MM` they bought in. */
  month: string;
  buyers: number;
}

export type LtvGroupBy = 'tier' | 'joinMonth' | 'enrolment';

/** Members of one group with purchases: their spend per month of lifetime and their lifetimes, summed. */
export interface LifetimeSums {
  /** The group's key (a tier, a join month, `chat` or `till`); null for everyone. */
  key: string | null;
  members: number;
  /** Σ (member's spend ÷ member's lifetime months), minor units. */
  monthlySpendSum: number;
  /** Σ member's lifetime months. */
  lifetimeMonthsSum: number;
}

/** One member's purchases on each side of the day they joined the programme in a chat. */
export interface EffectSides {
  joinedAt: Date;
  firstPurchaseAt: Date;
  before: { purchases: number; spend: number };
  after: { purchases: number; spend: number };
}

export interface PurchaseActivity {
  buyers: number;
  repeatBuyers: number;
  active30: number;
  active90: number;
}

/** A ticket's desk times; null where the step has not happened. */
export interface TicketTimes {
  openedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
}

/**
 * The reads behind the analytics reports: the roll-ups for whatever adds up
 * over days and months, and indexed reads of raw rows for what does not
 * (buyers, active members, balances). The figures are computed from these
 * in core/analytics/, once.
 */
export interface AnalyticsReads {
  /** DailyFigures summed over the days. */
  dayTotals(days: DayRange): Promise<DayTotals>;
  /** DailyFigures day by day, only days with figures, in order. */
  daySeries(days: DayRange): Promise<(DayTotals & { day: string })[]>;
  /** Members who joined on or before the day. */
  membersUpTo(day: string): Promise<number>;
  /**
   * In one read of the purchases (refunded ones excluded): members with at
   * least one purchase in the range and those with two or more, and members
   * with a purchase in the 30 and in the 90 days before the range's end.
   */
  purchaseActivity(range: InstantRange): Promise<PurchaseActivity>;
  /** Unspent points of every member, now. */
  outstandingPoints(): Promise<number>;
  /** Tickets not resolved, now. */
  openTickets(): Promise<number>;
  /** The desk times of the tickets opened in the range. */
  ticketTimes(range: InstantRange): Promise<TicketTimes[]>;
  /** Members who joined in each month from..to (`YYYY-MM`). */
  cohortSizes(months: { from: string; to: string }): Promise<{ joinMonth: string; members: number }[]>;
  /** How many of each cohort bought in each month since. */
  cohortCells(months: { from: string; to: string }): Promise<CohortCell[]>;
  /** Lifetime sums of the members who joined in the months, everyone and per group. */
  lifetimes(months: { from: string; to: string }, groupBy: LtvGroupBy | null): Promise<LifetimeSums[]>;
  /** Members whose first chat opened in the range after they were enrolled, with purchases both before and after it. */
  effectSides(range: InstantRange): Promise<EffectSides[]>;
}
