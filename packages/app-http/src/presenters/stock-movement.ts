import type { StockMovement } from '@giggatek/domain';

/** A stock ledger row as the API spells it; the actor is labelled as in an order's history. */
export function presentStockMovement(movement: StockMovement) {
  return {
    id: movement.id,
    product_id: movement.productId,
    delta: movement.delta,
    reason: movement.reason,
    order_id: movement.orderId,
    rental_id: movement.rentalId,
    actor: movement.actorLabel,
    note: movement.note,
    created_at: movement.createdAt.toISOString(),
  };
}
