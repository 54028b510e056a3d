import type { SettingsRepository } from '@giggatek/domain';

/**
 * Settings kept as JSON text, as the `settings` table keeps them: a read returns a fresh
 * value, and only what survives JSON is stored (the same as SQL).
 */
export class MemorySettingsRepository implements SettingsRepository {
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<unknown> {
    const text = this.values.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  async set(key: string, value: unknown, _now: Date): Promise<void> {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`setting ${key} has no JSON value`);
    this.values.set(key, text);
  }
}
