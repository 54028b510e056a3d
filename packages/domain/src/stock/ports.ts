import type { Id } from '../shared/ids.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { StockMovement } from './stock-movement.js';

/**
 * Reading the stock ledger. The movements are written by the repositories whose changes
 * they explain (order placement, cancel, expiry, product create and stock edits), inside
 * the transaction of the change; nothing else writes or edits them.
 */
export interface StockLedger {
  /** A product's movements, newest first (ties by id), paged. */
  listStockMovements(productId: Id, request: PageRequest): Promise<Page<StockMovement>>;
}
