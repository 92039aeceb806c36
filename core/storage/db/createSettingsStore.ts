import type { SettingsStore } from '../../settings/settingsPorts.ts';
import type { Database } from './openDatabase.ts';

export function createSettingsStore(db: Database): SettingsStore {
  const { prisma } = db;
  return {
    get: async (key) => (await prisma.setting.findUnique({ where: { key } }))?.value ?? null,
    putIfAbsent: async (key, value) => {
      const row = await prisma.setting.upsert({ where: { key }, create: { key, value }, update: {} });
      return row.value;
    },
  };
}
