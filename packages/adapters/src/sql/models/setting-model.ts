import { Model } from 'objection';
import type { DbTimestamp } from './types.js';

export class SettingModel extends Model {
  static override tableName = 'settings';
  static override idColumn = 'key';
  declare key: string;
  /** JSON text. */
  declare value: string;
  declare updated_at: DbTimestamp;
}
