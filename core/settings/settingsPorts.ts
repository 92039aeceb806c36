/** Deployment facts kept in the database (the admin token's hash…). */
export interface SettingsStore {
  get(key: string): Promise<string | null>;
  /** Writes the value unless the key exists; returns the value that is now stored. */
  putIfAbsent(key: string, value: string): Promise<string>;
}
