import type { Id } from '../shared/ids.js';
import type { ChangeActor } from '../ordering/order.js';
import { actorLabelOf } from '../ordering/order-status.js';

/** Why a product's stock changed (SPEC §4). Rentals write rental_out / rental_back. */
export const STOCK_REASONS = [
  'order',
  'order_cancel',
  'order_expiry',
  'rental_out',
  'rental_back',
  'adjustment',
] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

/** What puts an order's stock back: a cancel (customer or staff) or the expiry job. */
export type RestockReason = Extract<StockReason, 'order_cancel' | 'order_expiry'>;

/**
 * One row of the stock ledger: append-only, written in the same transaction as the stock
 * change it explains, so a product's stock always equals the sum of its movements (its
 * initial stock is its first movement, an `adjustment`).
 */
export interface StockMovement {
  id: Id;
  productId: Id;
  /** Never 0: negative takes stock, positive puts it back or adds it. */
  delta: number;
  reason: StockReason;
  orderId: Id | null;
  rentalId: Id | null;
  /** Null for the system. */
  actorUserId: Id | null;
  /** 'customer' | 'manager' | 'admin' | 'system:<job>', as the order history labels actors. */
  actorLabel: string;
  note: string | null;
  createdAt: Date;
}

/** A movement before it is stored: every adapter writes exactly these fields. */
export type NewStockMovement = Omit<StockMovement, 'id'>;

interface MovementContext {
  actor: ChangeActor;
  now: Date;
}

/** Who made a movement, as the ledger stores it. */
function actorFields(actor: ChangeActor): Pick<StockMovement, 'actorUserId' | 'actorLabel'> {
  return { actorUserId: actor.kind === 'user' ? actor.userId : null, actorLabel: actorLabelOf(actor) };
}

/** Quantities summed per product, in product id order (the order stock rows are locked in). */
export function quantitiesByProduct(lines: ReadonlyArray<{ productId: Id; quantity: number }>): Map<Id, number> {
  const sorted = [...lines].sort((a, b) => a.productId - b.productId);
  const totals = new Map<Id, number>();
  for (const line of sorted) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  return totals;
}

/** The movements of a placed order: one per product, taking what its lines ordered. */
export function placementMovements(
  orderId: Id,
  lines: ReadonlyArray<{ productId: Id; quantity: number }>,
  { actor, now }: MovementContext,
): NewStockMovement[] {
  return [...quantitiesByProduct(lines)].map(([productId, quantity]) => ({
    productId,
    delta: -quantity,
    reason: 'order',
    orderId,
    rentalId: null,
    ...actorFields(actor),
    note: null,
    createdAt: now,
  }));
}

/** The movements that put a cancelled or expired order's stock back: one per product. */
export function restockMovements(
  orderId: Id,
  items: ReadonlyArray<{ productId: Id; quantity: number }>,
  reason: RestockReason,
  { actor, now }: MovementContext,
): NewStockMovement[] {
  return [...quantitiesByProduct(items)].map(([productId, quantity]) => ({
    productId,
    delta: quantity,
    reason,
    orderId,
    rentalId: null,
    ...actorFields(actor),
    note: null,
    createdAt: now,
  }));
}

/**
 * A staff change of the stock (or a new product's initial stock): the difference as an
 * `adjustment`; null when nothing changes (the ledger holds no zero rows).
 */
export function adjustmentMovement(
  productId: Id,
  delta: number,
  { actor, now, note = null }: MovementContext & { note?: string | null },
): NewStockMovement | null {
  if (delta === 0) return null;
  return {
    productId,
    delta,
    reason: 'adjustment',
    orderId: null,
    rentalId: null,
    ...actorFields(actor),
    note,
    createdAt: now,
  };
}

/**
 * The movement of a rental's unit: `rental_out` (−1) when the rental is created,
 * `rental_back` (+1) when a pending rental is cancelled or staff receive a returned unit.
 */
export function rentalMovement(
  rentalId: Id,
  productId: Id,
  reason: Extract<StockReason, 'rental_out' | 'rental_back'>,
  { actor, now, note = null }: MovementContext & { note?: string | null },
): NewStockMovement {
  return {
    productId,
    delta: reason === 'rental_out' ? -1 : 1,
    reason,
    orderId: null,
    rentalId,
    ...actorFields(actor),
    note,
    createdAt: now,
  };
}
