import type { ChatStore, InboundLog } from '../../conversation/conversationPorts.ts';
import type { MemberStore } from '../../members/membersPorts.ts';
import type { LedgerReads } from '../../points/pointsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { createLedgerReads } from '../points/createLedgerReads.ts';
import { createMemberStore } from '../members/createMemberStore.ts';
import { createChatStore } from './createChatStore.ts';
import { createInboundLog } from './createInboundLog.ts';

/** The four stores a conversation turn reads and writes, on one database. */
export function createConversationStores(db: Database): {
  inbound: InboundLog;
  chats: ChatStore;
  members: MemberStore;
  ledger: LedgerReads;
} {
  return {
    inbound: createInboundLog(db),
    chats: createChatStore(db),
    members: createMemberStore(db),
    ledger: createLedgerReads(db),
  };
}
