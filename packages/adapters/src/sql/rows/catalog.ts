import type { Condition, ProductStatus, StockReason } from '@giggatek/domain';
import type { DbBigInt, DbBoolean, DbTimestamp } from './values.js';

/** products (001; 006 adds the stock >= 0 check). */
export interface ProductRow {
  id: number;
  name: string;
  slug: string;
  description: string;
  category: string;
  brand: string;
  condition: Condition;
  /** JSON text of an object string → string | number. */
  specifications: string;
  /** JSON text of an array of URLs. */
  image_urls: string;
  price: DbBigInt;
  /** JSON text of an object term → cents. */
  rental_rates: string;
  rentable: DbBoolean;
  stock: number;
  is_featured: DbBoolean;
  status: ProductStatus;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/** stock_movements (006). */
export interface StockMovementRow {
  id: number;
  product_id: number;
  delta: number;
  reason: StockReason;
  order_id: number | null;
  rental_id: number | null;
  actor_user_id: number | null;
  actor_label: string;
  note: string | null;
  created_at: DbTimestamp;
}

/** settings (001). */
export interface SettingRow {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: DbTimestamp;
}
