import { Model } from 'objection';
import type { DbBoolean, DbTimestamp } from './types.js';

export class AddressModel extends Model {
  static override tableName = 'addresses';
  declare id: number;
  declare user_id: number;
  declare label: string | null;
  declare recipient_name: string;
  declare line1: string;
  declare line2: string | null;
  declare city: string;
  declare state: string;
  declare postal_code: string;
  declare country: string;
  declare phone: string | null;
  declare is_default: DbBoolean;
  declare created_at: DbTimestamp;
  declare updated_at: DbTimestamp;
}
