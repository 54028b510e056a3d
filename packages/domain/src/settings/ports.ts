/** Key → JSON value store for the shop's settings (the `settings` table). */
export interface SettingsRepository {
  /** The stored value, or undefined when the key was never set. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, now: Date): Promise<void>;
}
