import type { Condition, RentalStatus } from '@giggatek/domain';
import type { AddressSnapshotRow, Prefixed } from './orders.js';
import type { DbBigInt, DbDate, DbTimestamp } from './values.js';

/** rentals (007): a rent-to-own contract, its figures fixed when it was created. */
export type RentalRow = {
  id: number;
  user_id: number;
  product_id: number;
  product_name: string;
  product_condition: Condition;
  status: RentalStatus;
  currency: 'usd';
  cash_price: DbBigInt;
  total_months: number;
  monthly_rate: DbBigInt;
  total_amount: DbBigInt;
  grace_days: number;
  late_fee_bp: number;
  late_fee_cap: DbBigInt;
  late_fee: DbBigInt;
  same_as_cash_days: number;
  default_after_days: number;
  start_date: DbDate | null;
  end_date: DbDate | null;
  installments_paid: number;
  next_due_date: DbDate | null;
  contract_signed_at: DbTimestamp | null;
  signature: string | null;
  signature_ip: string | null;
  ownership_transferred_at: DbTimestamp | null;
  returned_at: DbTimestamp | null;
  received_at: DbTimestamp | null;
  defaulted_at: DbTimestamp | null;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
} & Prefixed<'delivery', AddressSnapshotRow>;

/** rental_status_history (007); a staff note repeats the status in from and to. */
export interface RentalStatusHistoryRow {
  id: number;
  rental_id: number;
  from_status: RentalStatus | null;
  to_status: RentalStatus;
  actor_user_id: number | null;
  actor_label: string;
  note: string | null;
  created_at: DbTimestamp;
}
