import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { Turn } from '../conversation/turn.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { Button, Outbound } from '../outbound.ts';

/**
 * One entry of a member's main menu, declared by the capability it opens.
 * A capability adds itself to the menu with one of these, and the
 * composition root lists it (app/assistantMenu.ts); nothing else changes.
 */
export interface MenuEntry {
  /** Stable id: its button's payload is `menu:<id>`, and buttons in old messages stay pressable. */
  id: string;
  /** The translation key of the button's label. */
  label: string;
  /** Slash commands that open it directly (`/balance`). */
  commands: readonly string[];
  /** The row of the main menu it sits in; entries of one row sit side by side, in the order they were listed. */
  row: number;
  /** The intent that typed requests for this entry are understood as; the entry's id when unset. */
  intent?: string;
  /** False: reached by its command and intent only; its button, when it has one, comes from a `DynamicMenuEntries`. */
  inMenu?: false;
  /** Answers the member who chose it; `text` is what came after the command (`/complaint the coffee was cold`). */
  open(turn: Turn, chat: MemberChat, member: MemberRecord, text: string): Promise<Outbound[]>;
}

/** Button payloads a capability owns, `<scope>:…`, answered by that capability. */
export interface PayloadKind {
  scope: string;
  /** False: its answers carry no main menu (a quiz question), so the menu's dynamic entries are not asked for them. */
  showsMenu?: false;
  answer(turn: Turn, chat: MemberChat, member: MemberRecord, payload: string): Promise<Outbound[]>;
}

/**
 * Menu buttons that depend on the member and the moment (a quiz open for
 * them), asked once per member turn; static entries need none of this.
 */
export interface DynamicMenuEntries {
  /** The row they sit in, after that row's static entries. */
  row: number;
  buttonsFor(turn: Turn, member: MemberRecord): Promise<Button[]>;
}

/** Every capability's menu entries and payload kinds, as the conversation looks them up. */
export interface MenuRegistry {
  readonly entries: readonly MenuEntry[];
  byId(id: string): MenuEntry | undefined;
  byCommand(command: string): MenuEntry | undefined;
  byIntent(intent: string): MenuEntry | undefined;
  payloadKind(payload: string): PayloadKind | undefined;
  readonly dynamic: readonly DynamicMenuEntries[];
}
