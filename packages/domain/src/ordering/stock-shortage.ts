import { DomainError } from '../shared/errors.js';
import type { StockShortage } from './ports.js';

/**
 * The 409 of SPEC §4 for every adapter alike: the message names each short product with
 * what is left, and `meta.shortages` carries the same as data (the API spells it in snake_case).
 */
export function insufficientStockError(shortages: readonly StockShortage[]): DomainError {
  const named = shortages.map((s) => `${s.productName} (${s.available} available, ${s.requested} requested)`);
  return new DomainError('insufficient_stock', `not enough stock for: ${named.join(', ')}`, undefined, {
    shortages: shortages.map((s) => ({
      productId: s.productId,
      productName: s.productName,
      requested: s.requested,
      available: s.available,
    })),
  });
}
