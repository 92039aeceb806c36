import { assistantMenu } from '../app/assistantMenu.ts';
import { deskDepsFor } from '../app/desk.ts';
import { defaultUnderstanding } from '../app/understanding.ts';
import { createAssistant, type Assistant, type AssistantDeps } from '../core/assistant.ts';
import { defaultDeskSettings } from '../core/desk/deskSettings.ts';
import { createTranslator } from '../core/i18n/translator.ts';
import { silentLogger } from '../core/logger.ts';
import { createPointsService } from '../core/points/pointsService.ts';
import { defaultProgramSettings } from '../core/settings/programSettings.ts';
import { createConversationStores } from '../core/storage/conversation/createConversationStores.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { createPointsStore } from '../core/storage/points/createPointsStore.ts';
import { createTillStore } from '../core/storage/till/createTillStore.ts';

/** The core as the application wires it, on one database, for the channel benchmarks. */
export function benchAssistant(db: Database, extra: Partial<AssistantDeps> = {}): Assistant {
  const translator = createTranslator();
  const clock = () => new Date();
  const points = createPointsService({ store: createPointsStore(db), translator, clock, log: silentLogger });
  return createAssistant({
    ...createConversationStores(db),
    menu: assistantMenu(),
    understanding: defaultUnderstanding(),
    translator,
    settings: defaultProgramSettings,
    clock,
    log: silentLogger,
    points,
    till: createTillStore(db),
    desk: deskDepsFor(db, translator, defaultDeskSettings),
    ...extra,
  });
}
