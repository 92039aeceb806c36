import type { Draw, DrawContent } from './draw.ts';
import type { DrawEntryRef, DrawOutcome } from './drawWinners.ts';

/** An entry as the public result lists it: its id and its member, masked ("Ana P. ••0747"). */
export interface PublicEntry {
  id: string;
  member: string;
  /** The same number for one member's entries in this draw, so a second win can be told apart even where two masks look alike. */
  holder: number;
}

export type JoinOutcome = 'joined' | 'already' | 'closed' | 'not-found';

/** A draw a member may take part in with a button, and whether they did. */
export interface OpenDraw {
  id: string;
  title: Record<string, string | undefined>;
  drawAt: Date;
  commitment: string;
  joined: boolean;
}

/** A winner, as the prize awarding needs them. */
export interface DrawWinnerMember {
  entryId: string;
  memberId: string;
  prize: number;
  /** The prize passed to this entry because the winner before did not claim it in time. */
  passedOn: boolean;
}

/** Draws' storage; implemented in core/storage/contests/createDrawStore.ts. */
export interface DrawStore {
  create(content: DrawContent, seed: string, commitment: string, now: Date): Promise<Draw>;
  find(id: string): Promise<Draw | null>;
  list(): Promise<Draw[]>;
  /** Freezes the entries of a draw whose window has closed (conditional on `open`); quiz entries are taken then. */
  close(id: string, now: Date): Promise<void>;
  /** Entries not withdrawn, in no particular order. */
  entriesOf(id: string): Promise<DrawEntryRef[]>;
  /** Stores the outcome if the draw is still undrawn (`closed`); false when another run stored one first. */
  commit(id: string, beacon: string, outcome: DrawOutcome, now: Date): Promise<boolean>;
  /** The winners with their members, in prize order, then the replacements of lapsed prizes. */
  winnersOf(id: string): Promise<DrawWinnerMember[]>;
  markAwarded(id: string, now: Date): Promise<void>;
  /** Drawn draws with a claim period and a prize code still unredeemed after it. */
  lapsing(now: Date): Promise<string[]>;
  /**
   * Voids each such code (conditionally on unredeemed and not void, so of two
   * instances or a till at the same moment one wins), records the lapse with
   * the next eligible entry of `ordered` (the score order) and marks the draw
   * unawarded, so the replacement's prize is granted next. Returns how many lapsed.
   */
  handOverLapsed(
    id: string,
    now: Date,
    entries: readonly DrawEntryRef[],
    ordered: Iterable<DrawEntryRef>,
  ): Promise<number>;
  /** Draws whose time came (`drawAt` passed, not drawn), and drawn ones whose prizes were not awarded yet. */
  due(now: Date): Promise<{ toRun: string[]; toAward: string[] }>;
  /** Every entry, its member masked, ordered by id. */
  publicEntries(id: string): Promise<PublicEntry[]>;
  /** A "Take part" press: one entry per member, while the window is open. */
  join(id: string, memberId: string, now: Date): Promise<JoinOutcome>;
  /** Published opt-in draws open now, for the member's menu. */
  openOptIns(memberId: string, now: Date): Promise<OpenDraw[]>;
}
