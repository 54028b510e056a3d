import { Model } from 'objection';
import type { DbTimestamp } from './types.js';

export class SessionModel extends Model {
  static override tableName = 'sessions';
  declare id: number;
  declare user_id: number;
  declare created_at: DbTimestamp;
  declare expires_at: DbTimestamp;
  declare revoked_at: DbTimestamp | null;
  declare ip: string | null;
  declare user_agent: string | null;
}
