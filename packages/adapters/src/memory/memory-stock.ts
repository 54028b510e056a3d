import type { Id, NewStockMovement } from '@giggatek/domain';

/** A product that could not give what a movement asked for. */
export interface StockShortfall {
  productId: Id;
  requested: number;
  /** What the product can give now (availableStock): 0 when it is archived or gone. */
  available: number;
}

/**
 * The stock the memory order repository (and later the rental one) takes and puts back:
 * the memory twin of the SQL adapters' conditional UPDATE and ledger insert in one
 * transaction. Synchronous on purpose: no other call can run between the check and the
 * change, so it is as atomic as those. MemoryProductRepository implements it.
 */
export interface MemoryStock {
  /**
   * Applies every movement (negative deltas) and records them in the ledger, or applies
   * none when any product cannot give its quantity; returns the shortfalls (empty when taken).
   */
  take(movements: readonly NewStockMovement[]): StockShortfall[];
  /** Applies the movements (positive deltas: cancel, expiry, return) and records them. */
  putBack(movements: readonly NewStockMovement[]): void;
}
