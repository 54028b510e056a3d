import { Model } from 'objection';
import type { DbTimestamp } from './types.js';

export class RefreshTokenModel extends Model {
  static override tableName = 'refresh_tokens';
  declare id: number;
  declare session_id: number;
  declare token_hash: string;
  declare expires_at: DbTimestamp;
  declare rotated_at: DbTimestamp | null;
  declare created_at: DbTimestamp;
}
