import { Model } from 'objection';
import type { DbBoolean, DbTimestamp } from './types.js';

export class ProductModel extends Model {
  static override tableName = 'products';
  declare id: number;
  declare name: string;
  declare slug: string;
  declare description: string;
  declare category: string;
  declare brand: string;
  declare condition: string;
  /** JSON text of an object string → string | number. */
  declare specifications: string;
  /** JSON text of an array of URLs. */
  declare image_urls: string;
  declare price: number | string;
  /** JSON text of an object term → cents. */
  declare rental_rates: string;
  declare rentable: DbBoolean;
  declare stock: number;
  declare is_featured: DbBoolean;
  declare status: string;
  declare created_at: DbTimestamp;
  declare updated_at: DbTimestamp;
}
