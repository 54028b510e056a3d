import { Model } from 'objection';
import type { DbTimestamp } from './types.js';

export class OneTimeTokenModel extends Model {
  static override tableName = 'one_time_tokens';
  declare id: number;
  declare user_id: number;
  declare purpose: string;
  declare token_hash: string;
  declare expires_at: DbTimestamp;
  declare used_at: DbTimestamp | null;
  declare created_at: DbTimestamp;
}
