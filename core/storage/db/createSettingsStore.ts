import type { Database } from './openDatabase.ts';

/** Deployment facts kept in the database (the admin token's hash…). */
export interface SettingsStore {
  get(key: string): Promise<string | null>;
  /** Writes the value unless the key exists; returns the value that is now stored. */
  putIfAbsent(key: string, value: string): Promise<string>;
}

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
