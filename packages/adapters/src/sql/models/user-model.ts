import { Model } from 'objection';
import type { DbTimestamp } from './types.js';

export class UserModel extends Model {
  static override tableName = 'users';
  declare id: number;
  declare email: string;
  declare password_hash: string;
  declare first_name: string;
  declare last_name: string;
  declare phone: string | null;
  declare role: string;
  declare email_verified_at: DbTimestamp | null;
  declare created_at: DbTimestamp;
  declare updated_at: DbTimestamp;
}
