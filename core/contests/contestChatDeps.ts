import type { PhotoSource } from '../desk/deskPorts.ts';
import type { Channel } from '../inbound.ts';
import type { ContestEntry } from './contest.ts';
import type { ContestPictures, ContestPlayStore } from './contestsPorts.ts';

/** What contests in a chat are built from (AssistantDeps.contests). */
export interface ContestChatDeps {
  store: ContestPlayStore;
  pictures: ContestPictures;
  /** The bytes of a picture a member sent, by channel (the same sources the desk uses). */
  photos: Partial<Record<Channel, PhotoSource>>;
  /** Called once an entry is saved, to put it before the moderators (Slack, the console's queue). */
  submitted?: (entry: ContestEntry) => Promise<void>;
}
